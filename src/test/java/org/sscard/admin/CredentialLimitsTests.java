package org.sscard.admin;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** BCrypt takes at most 72 bytes: longer passwords and secrets are a 400 naming the field, never a 500. */
class CredentialLimitsTests extends ApiTest {

	/** 30 Chinese characters: 30 characters, 90 bytes in UTF-8. */
	static final String THIRTY_CJK = "社会保障卡激活密码".repeat(3) + "社保卡";

	/** 24 Chinese characters: exactly 72 bytes, the most BCrypt takes. */
	static final String TWENTY_FOUR_CJK = "社会保障卡激活密码".repeat(2) + "社会保障卡激";

	Response post(String path, Object body) {
		return this.api.post("/api/v1/admin/" + path, this.given.adminToken(), body);
	}

	Response patch(String path, String body) {
		return this.api.send("PATCH", "/api/v1/admin/" + path, this.given.adminToken(), "application/merge-patch+json",
				body);
	}

	@Test
	void anOperatorPasswordOver72BytesIsRefusedNamingTheField() {
		assertThat(THIRTY_CJK).hasSize(30);
		String username = "cjk." + Fixtures.next();

		Response response = post("operators",
				Map.of("username", username, "password", THIRTY_CJK, "role", "ADMIN"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.text("/errors/0/field")).isEqualTo("password");
		assertThat(response.body()).doesNotContain(THIRTY_CJK);
	}

	@Test
	void a72BytePasswordIsAcceptedAndSignsIn() {
		String username = "cjk." + Fixtures.next();

		assertThat(post("operators", Map.of("username", username, "password", TWENTY_FOUR_CJK, "role", "ADMIN")).status())
			.isEqualTo(201);
		assertThat(this.api.basic("/api/v1/auth/token", username, TWENTY_FOUR_CJK).status()).isEqualTo(200);
	}

	@Test
	void aClientSecretOver72BytesIsRefusedNamingTheField() {
		Response response = post("channel-clients",
				Map.of("clientId", "cjk-" + Fixtures.next(), "secret", THIRTY_CJK, "channel", "WECHAT"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.text("/errors/0/field")).isEqualTo("secret");
	}

	@Test
	void patchesKeepTheSameLimits() {
		String username = "cjk." + Fixtures.next();
		String clientId = "cjk-" + Fixtures.next();
		post("operators", Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));
		post("channel-clients", Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "WECHAT"));

		Response password = patch("operators/" + username, "{\"password\":\"" + THIRTY_CJK + "\"}");
		Response secret = patch("channel-clients/" + clientId, "{\"secret\":\"" + THIRTY_CJK + "\"}");

		assertThat(password.status()).isEqualTo(400);
		assertThat(password.text("/errors/0/field")).isEqualTo("password");
		assertThat(secret.status()).isEqualTo(400);
		assertThat(secret.text("/errors/0/field")).isEqualTo("secret");
		assertThat(this.api.basic("/api/v1/auth/token", username, Fixtures.PASSWORD).status()).isEqualTo(200);
	}

}
