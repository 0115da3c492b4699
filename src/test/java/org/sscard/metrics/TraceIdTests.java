package org.sscard.metrics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer names its trace id in {@code X-Trace-Id}, and the log lines of the request carry the
 * same id: an activation's outcome line can be found from the answer the counter got, and holds no
 * personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceIdTests extends ApiTest {

	private static final String TRACE_ID = "[0-9a-f]{32}";

	@Test
	void anActivationsOutcomeLineCarriesTheTraceIdOfItsAnswerAndNoPersonalData(CapturedOutput output) {
		TestCard card = this.given.card("440305", "ICBC");
		String hall = this.given.window("SERVICE_HALL", "440305");

		Response activated = this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13912345678"));

		assertThat(activated.status()).isEqualTo(200);
		String traceId = activated.header("X-Trace-Id");
		assertThat(traceId).matches(TRACE_ID);
		String line = output.getAll()
			.lines()
			.filter((candidate) -> candidate.contains("card=" + card.cardNumber() + " action=AccountActivated"))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains(traceId)
			.doesNotContain(card.idNumber())
			.doesNotContain(card.idNumber().substring(0, 14))
			.doesNotContain(card.name())
			.doesNotContain("802514")
			.doesNotContain("123456")
			.doesNotContain("13912345678");
	}

	@Test
	void problemDetailsAndRefusalsOfTheSecurityFiltersCarryATraceIdToo() {
		TestCard card = this.given.card("440305", "ICBC");
		String hall = this.given.window("SERVICE_HALL", "440305");

		Response unauthenticated = this.api.post(card.path("/social-security-account/activation"), null, Map.of());
		Response forbidden = this.api.post(card.path("/financial-account/activation"), hall, Map.of());
		Response invalid = this.api.post(card.path("/social-security-account/activation"), hall, Map.of("newPin", "1"));
		Response notFound = this.api.get("/api/v1/cards/A99999999", hall);

		assertThat(unauthenticated.status()).isEqualTo(401);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(notFound.status()).isEqualTo(404);
		for (Response answer : new Response[] { unauthenticated, forbidden, invalid, notFound }) {
			assertThat(answer.header("X-Trace-Id")).as(answer.toString()).matches(TRACE_ID);
		}
		assertThat(unauthenticated.header("X-Trace-Id")).isNotEqualTo(forbidden.header("X-Trace-Id"));
	}

}
