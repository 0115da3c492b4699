package org.sscard.card;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.OtherInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The PIN-mismatch count lives in the database: shared by every instance and kept across restarts. */
class LockoutAcrossInstancesTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theCountIsSharedByInstancesAndSurvivesARestart() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("SERVICE_HALL", "440305");
		Map<String, Object> wrong = Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678");
		String path = card.path("/social-security-account/activation");

		Response onThisInstance = this.api.post(path, window, wrong);
		Response onTheOther;
		try (OtherInstance other = OtherInstance.on(this.dataSource)) {
			onTheOther = other.api().post(path, window, wrong);
		}
		Response afterRestart;
		try (OtherInstance restarted = OtherInstance.on(this.dataSource)) {
			afterRestart = restarted.api().post(path, window, wrong);
		}

		assertThat(onThisInstance.json().get("remainingAttempts").asInt()).isEqualTo(2);
		assertThat(onTheOther.json().get("remainingAttempts").asInt()).isEqualTo(1);
		assertThat(afterRestart.status()).isEqualTo(423);
		assertThat(afterRestart.code()).isEqualTo("ACCOUNT_LOCKED");
	}

}
