package org.sscard.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller that only collects refusals cannot keep adding audit events to cards. */
class RejectionLimiterTests extends ApiTest {

	@Value("${sscard.rejections.per-minute}")
	int perMinute;

	@Test
	void aCallerWithTooManyBusinessRejectionsIsToldToWait() {
		TestCard card = this.given.card("440305", null);
		String elsewhere = this.given.window("HOSPITAL", "110101");
		String other = this.given.window("HOSPITAL", "110101");
		Map<String, Object> body = Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678");
		String path = card.path("/social-security-account/activation");

		int issued = events(card);
		// The bucket refills while the test runs (perMinute a minute), so a few more may pass.
		int refused = 0;
		Response response = this.api.post(path, elsewhere, body);
		while (response.status() == 422 && refused < 2 * this.perMinute) {
			refused++;
			response = this.api.post(path, elsewhere, body);
		}
		int events = events(card) - issued;

		assertThat(refused).isBetween(this.perMinute, this.perMinute + this.perMinute / 2);
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(this.api.post(path, elsewhere, body).status()).isIn(422, 429);
		assertThat(events).as("one event per refusal, none for the 429").isEqualTo(refused);
		assertThat(this.api.post(path, other, body).code()).as("another caller").isEqualTo("OUTSIDE_INSURED_REGION");
	}

	int events(TestCard card) {
		return this.jdbc.queryForObject("select count(*) from activation_events e join cards c on c.id = e.card_id "
				+ "where c.card_number = ?", Integer.class, card.cardNumber());
	}

}
