package org.sscard.shared;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Content-Types found by the hostile-input property test, kept as plain regression tests. */
class RequestGuardTests extends ApiTest {

	@Test
	void contentTypesThatNameNoConcreteTypeAreUnsupported() {
		for (String contentType : new String[] { "*/*", "\"/!", "application/*", "multipart/form-data" }) {
			Response response = this.api.send("POST", "/api/v1/admin/branches", this.given.adminToken(), contentType,
					"{}");
			assertThat(response.status()).as(contentType).isEqualTo(415);
			assertThat(response.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		}
	}

	@Test
	void pathsTheContainerRefusesAnswerWithProblemDetails() {
		Response nul = this.api.get("/api/v1/cards/%00", this.given.adminToken());
		Response traversal = this.api.get("/api/v1/cards/%2e%2e/x", this.given.adminToken());

		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.header("content-type")).startsWith("application/problem+json");
		assertThat(nul.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(traversal.status()).isBetween(400, 404);
		assertThat(traversal.header("content-type")).startsWith("application/problem+json");
	}

	@Test
	void theContainersOwnRefusalsCarryTheSecurityHeaders() {
		Response nul = this.api.get("/api/v1/cards/%00", this.given.adminToken());

		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(nul.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(nul.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(nul.header("Cache-Control")).contains("no-store");
	}

	@Test
	void theErrorPageCalledDirectlyIsNotFound() {
		for (String method : new String[] { "GET", "POST" }) {
			Response response = this.api.send(method, "/error", null, "application/json", "{}");

			assertThat(response.status()).as(method).isEqualTo(404);
			assertThat(response.header("content-type")).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("NOT_FOUND");
		}
	}

}
