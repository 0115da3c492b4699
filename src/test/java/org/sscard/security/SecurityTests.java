package org.sscard.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTests extends ApiTest {

	static final String TEST_SECRET = "test-only-jwt-secret-0123456789abcdef";

	@Test
	void anOperatorGetsAFifteenMinuteBearerToken() {
		Response response = this.api.basic("/api/v1/auth/token", Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/token_type")).isEqualTo("Bearer");
		assertThat(response.json().get("expires_in").asInt()).isEqualTo(900);
		assertThat(response.text("/access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
	}

	@Test
	void badCredentialsAreUnauthenticated() {
		Response wrongPassword = this.api.basic("/api/v1/auth/token", Fixtures.ADMIN, "not-the-password");
		Response unknownUser = this.api.basic("/api/v1/auth/token", "nobody-here", "whatever-password");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(wrongPassword.header("content-type")).startsWith("application/problem+json");
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(unknownUser.body()).isEqualTo(wrongPassword.body().replace("nobody-here", Fixtures.ADMIN));
	}

	@Test
	void theTokenCarriesTheCallersBranchAndRole() {
		String branch = this.given.branch("HOSPITAL", "440305", null);
		String token = this.given.operator("SERVICE_WINDOW", branch);

		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);

		assertThat(payload).contains("\"role\":\"SERVICE_WINDOW\"").contains("\"branchCode\":\"" + branch + "\"");
	}

	@Test
	void callsWithoutAValidTokenAreUnauthenticated() {
		String valid = this.given.adminToken();
		String[] parts = valid.split("\\.");
		String tamperedPayload = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("root-admin", "root-admix").getBytes(StandardCharsets.UTF_8));
		String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ parts[1] + ".";

		for (String token : new String[] { null, "garbage", parts[0] + "." + tamperedPayload + "." + parts[2], none,
				sign("another-secret-of-at-least-32-bytes!!", Instant.now().plusSeconds(600)),
				sign(TEST_SECRET, Instant.now().minusSeconds(60)) }) {
			Response response = this.api.get("/api/v1/cards/A10000001", token);
			assertThat(response.status()).as(String.valueOf(token)).isEqualTo(401);
			assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
		}
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(TEST_SECRET, Instant.now().plusSeconds(60))).status())
			.isEqualTo(404);
	}

	@Test
	void aTokenWithoutAnExpiryIsRefused() {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(TEST_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		String forever = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				JwtClaimsSet.builder().issuer("sscard").subject("root-admin").claim("role", "ADMIN").build()))
			.getTokenValue();

		assertThat(this.api.get("/api/v1/cards/Z00000009", forever).status()).isEqualTo(401);
	}

	@Test
	void aTokenForABranchThatDoesNotExistIsRefused() {
		String token = sign(TEST_SECRET, Instant.now().plusSeconds(60), "TELLER", "NO-SUCH-BRANCH");

		assertThat(this.api.get("/api/v1/cards/Z00000009", token).status()).isEqualTo(401);
	}

	static String sign(String secret, Instant expiresAt) {
		return sign(secret, expiresAt, "ADMIN", null);
	}

	static String sign(String secret, Instant expiresAt, String role, String branchCode) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("sscard")
			.subject("root-admin")
			.audience(java.util.List.of("sscard"))
			.issuedAt(expiresAt.minusSeconds(900))
			.expiresAt(expiresAt)
			.claim("role", role);
		if (branchCode != null) {
			claims.claim("branchCode", branchCode);
		}
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

	@Test
	void healthIsPublicAndPrometheusIsForAdministrators() {
		Response health = this.api.get("/actuator/health", null);
		Response anonymous = this.api.get("/actuator/prometheus", null);
		Response teller = this.api.get("/actuator/prometheus", this.given.teller("440305", "ICBC"));
		Response admin = this.api.get("/actuator/prometheus", this.given.adminToken());
		Response env = this.api.get("/actuator/env", this.given.adminToken());

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("/status")).isEqualTo("UP");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(teller.status()).isEqualTo(403);
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm_memory");
		assertThat(env.status()).isEqualTo(404);
	}

	@Test
	void infoTellsAdministratorsWhichBuildAndCommitRun() {
		Response admin = this.api.get("/actuator/info", this.given.adminToken());

		assertThat(this.api.get("/actuator/info", null).status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/info", this.given.teller("440305", "ICBC")).status()).isEqualTo(403);
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.text("/build/artifact")).isEqualTo("sscard");
		assertThat(admin.text("/build/version")).isNotBlank();
		assertThat(admin.text("/git/commit/id")).as("git.properties from the build").matches("[0-9a-f]{7,40}");
	}

}
