package org.sscard.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class HygieneTests extends ApiTest {

	@Value("${local.server.port}")
	int port;

	HttpResponse<String> preflight(String origin) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/cards/A10000001"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void apiResponsesCarrySecurityHeaders() {
		Response response = this.api.get("/api/v1/cards/Z00000000", this.given.adminToken());

		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.header("Cache-Control")).contains("no-store");
	}

	@Test
	void onlyConfiguredConsoleOriginsMayCallAcrossOrigins() throws Exception {
		HttpResponse<String> console = preflight("https://console.bank.example");
		HttpResponse<String> stranger = preflight("https://evil.example");

		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://console.bank.example");
		assertThat(stranger.statusCode()).isEqualTo(403);
		assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(stranger.body()).contains("\"code\":\"FORBIDDEN\"");
	}

}
