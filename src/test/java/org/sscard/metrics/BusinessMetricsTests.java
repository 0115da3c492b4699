package org.sscard.metrics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a walk-through of the counter's day, every business metric is in /actuator/prometheus,
 * HTTP timers have histogram buckets, and each outcome left one log line without personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class BusinessMetricsTests extends ApiTest {

	@Test
	void theOutcomesOfADayAreMeasuredAndLoggedWithoutPersonalData(CapturedOutput output) {
		TestCard card = this.given.card("440305", "ICBC");
		TestCard locked = this.given.card("440305", null);
		String hall = this.given.window("SERVICE_HALL", "440305");
		String wechat = this.given.client("WECHAT", null);
		this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"),
				Map.of("Idempotency-Key", "metrics-" + card.cardNumber()));
		this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"),
				Map.of("Idempotency-Key", "metrics-" + card.cardNumber()));
		for (int i = 0; i < 3; i++) {
			this.api.post(locked.path("/social-security-account/activation"), hall,
					Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678"));
		}
		for (int i = 0; i < 6; i++) {
			this.api.post(card.path("/financial-account/activation"), wechat, Map.of("idNumber", card.idNumber(),
					"holderName", "猜" + i, "phone", "13812345678", "newPin", "731946"));
		}
		String username = "metrics." + Fixtures.next();
		for (int i = 0; i < 12; i++) {
			this.api.basic("/api/v1/auth/token", username, "wrong-password-" + i);
		}

		Response metrics = this.api.get("/actuator/prometheus", this.given.adminToken());

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("sscard_card_outcomes_total{account=\"SOCIAL_SECURITY\",action=\"AccountActivated\"")
			.contains("outcome=\"rejected\"")
			.contains("code=\"PIN_MISMATCH\"")
			.contains("channel=\"WECHAT\"")
			.contains("sscard_pin_lockouts_total")
			.contains("sscard_identity_blocked_total")
			.contains("sscard_signin_throttled_total")
			.contains("sscard_idempotency_replays_total")
			.contains("http_server_requests_seconds_bucket");
		assertThat(output.getAll()).contains("card=" + card.cardNumber() + " action=AccountActivated account=SOCIAL_SECURITY "
				+ "outcome=succeeded code=- channel=SERVICE_HALL")
			.contains("action=RequestRejected account=FINANCIAL outcome=rejected code=IDENTITY_CHECKS_EXHAUSTED channel=WECHAT")
			.doesNotContain(card.idNumber())
			.doesNotContain(card.name());
	}

}
