package org.sscard.security;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures raised by Spring itself answer with the same problem details as the domain's. */
class ErrorResponseTests extends ApiTest {

	static final String ACTIVATION = "/social-security-account/activation";

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("content-type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
		assertThat(response.text("/type")).startsWith("https://");
		assertThat(response.text("/title")).isNotBlank();
		assertThat(response.text("/detail")).isNotBlank();
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContainIgnoringCase("select ");
	}

	@Test
	void anUnknownPathIsNotFound() {
		assertProblem(this.api.get("/api/v1/nothing-here", this.given.adminToken()), 404, "NOT_FOUND");
		assertProblem(this.api.get("/nothing-here", null), 404, "NOT_FOUND");
	}

	@Test
	void aWrongMethodIsNotAllowed() {
		Response response = this.api.send("DELETE", "/api/v1/cards/A10000001", this.given.adminToken(), null, null);

		assertProblem(response, 405, "METHOD_NOT_ALLOWED");
		assertThat(response.header("allow")).contains("GET");
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
		TestCard card = this.given.card("440305", null);

		Response response = this.api.send("POST", card.path(ACTIVATION), this.given.window("HOSPITAL", "440305"),
				"text/plain", "currentPin=123456");

		assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void aBodyOver16KibIsTooLarge() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		String huge = "{\"currentPin\":\"123456\",\"newPin\":\"802514\",\"phone\":\"13812345678\",\"pad\":\""
				+ "x".repeat(17 * 1024) + "\"}";

		assertProblem(this.api.post(card.path(ACTIVATION), window, huge), 413, "PAYLOAD_TOO_LARGE");
		assertThat(this.api.get(card.path(""), window).text("/socialSecurityAccount/status"))
			.isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void unknownPropertiesWrongTypesAndMalformedJsonAreValidationFailures() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");

		Response unknown = this.api.post(card.path(ACTIVATION), window,
				"{\"currentPin\":\"123456\",\"newPin\":\"802514\",\"phone\":\"13812345678\",\"branchCode\":\"X\"}");
		Response wrongType = this.api.post(card.path(ACTIVATION), window,
				"{\"currentPin\":123456,\"newPin\":\"802514\",\"phone\":\"13812345678\"}");
		Response malformed = this.api.post(card.path(ACTIVATION), window, "{\"currentPin\":");
		Response empty = this.api.post(card.path(ACTIVATION), window, "");
		Response missing = this.api.post(card.path(ACTIVATION), window, "{\"currentPin\":\"123456\"}");
		Response twice = this.api.post(card.path(ACTIVATION), window,
				"{\"currentPin\":\"000000\",\"currentPin\":\"123456\",\"newPin\":\"802514\",\"phone\":\"13812345678\"}");

		assertProblem(unknown, 400, "VALIDATION_FAILED");
		assertThat(unknown.text("/errors/0/field")).isEqualTo("branchCode");
		assertProblem(wrongType, 400, "VALIDATION_FAILED");
		assertThat(wrongType.text("/errors/0/field")).isEqualTo("currentPin");
		assertProblem(malformed, 400, "VALIDATION_FAILED");
		assertProblem(empty, 400, "VALIDATION_FAILED");
		assertProblem(missing, 400, "VALIDATION_FAILED");
		assertThat(missing.json().get("errors").size()).isEqualTo(2);
		assertProblem(twice, 400, "VALIDATION_FAILED");
		assertThat(this.api.get(card.path(""), window).text("/socialSecurityAccount/status"))
			.isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void roleIsCheckedBeforeTheBody() {
		Response response = this.api.post("/api/v1/cards/A10000001" + ACTIVATION, this.given.client("WECHAT", null),
				"{not json");

		assertProblem(response, 403, "FORBIDDEN");
	}

	@Test
	void theBodyIsCheckedBeforeTheCardIsLookedUp() {
		Response response = this.api.post("/api/v1/cards/Z00000001" + ACTIVATION, this.given.window("HOSPITAL", "440305"),
				"{\"currentPin\":\"123456\"}");

		assertProblem(response, 400, "VALIDATION_FAILED");
	}

	@Test
	void theApiIsDocumented() {
		Response docs = this.api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		for (String path : new String[] { "/api/v1/auth/token", "/api/v1/admin/branches", "/api/v1/admin/operators",
				"/api/v1/admin/channel-clients", "/api/v1/admin/cards", "/api/v1/cards/{cardNumber}",
				"/api/v1/cards/{cardNumber}/events", "/api/v1/cards/{cardNumber}/social-security-account/activation",
				"/api/v1/cards/{cardNumber}/social-security-account/pin-reset",
				"/api/v1/cards/{cardNumber}/financial-account/activation",
				"/api/v1/cards/{cardNumber}/financial-account/pin-reset", "/api/v1/cards/{cardNumber}/activation" }) {
			assertThat(docs.json().get("paths").has(path)).as(path).isTrue();
		}
		assertThat(docs.body()).contains("PIN_MISMATCH").contains("CardView");
	}

}
