package org.sscard.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Answers given before a controller ran (401 and 403 of the security filters, an idempotent replay)
 * are timed under their route in {@code http.server.requests}, not under {@code uri="UNKNOWN"}, so
 * that an endpoint's refusals and replays show on its own graphs.
 */
class RouteTagsTests extends ApiTest {

	private static final String ACTIVATION = "/api/v1/cards/{cardNumber}/social-security-account/activation";

	private static final String FINANCIAL = "/api/v1/cards/{cardNumber}/financial-account/activation";

	@Autowired
	private MeterRegistry meters;

	@Test
	void refusalsOfTheSecurityFiltersAreTaggedWithTheirRoute() {
		TestCard card = this.given.card("440305", "ICBC");
		String hall = this.given.window("SERVICE_HALL", "440305");
		long unauthenticated = count(ACTIVATION, "401");
		long forbidden = count(FINANCIAL, "403");

		assertThat(this.api.post(card.path("/social-security-account/activation"), null, Map.of()).status()).isEqualTo(401);
		assertThat(this.api.post(card.path("/financial-account/activation"), hall, Map.of()).status()).isEqualTo(403);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(count(ACTIVATION, "401")).isEqualTo(unauthenticated + 1);
			assertThat(count(FINANCIAL, "403")).isEqualTo(forbidden + 1);
		});
	}

	@Test
	void anIdempotentReplayIsTaggedWithItsRoute() {
		TestCard card = this.given.card("440305", "ICBC");
		String hall = this.given.window("SERVICE_HALL", "440305");
		Map<String, String> key = Map.of("Idempotency-Key", "route-" + card.cardNumber());
		Map<String, String> body = Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678");
		long before = count(ACTIVATION, "200");

		assertThat(this.api.post(card.path("/social-security-account/activation"), hall, body, key).status()).isEqualTo(200);
		assertThat(this.api.post(card.path("/social-security-account/activation"), hall, body, key)
			.header("Idempotent-Replayed")).isEqualTo("true");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count(ACTIVATION, "200")).isEqualTo(before + 2));
	}

	private long count(String uri, String status) {
		Timer timer = this.meters.find("http.server.requests").tags("uri", uri, "status", status).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
