package org.sscard.security;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials and tokens that used to answer 500: any bytes in an HTTP Basic name, passwords
 * over BCrypt's 72 bytes, long or control-character subjects; and tokens that must not be
 * accepted: made for another audience, or valid for too long.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialHardeningTests extends ApiTest {

	static final String TEST_SECRET = "test-only-jwt-secret-0123456789abcdef";

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> basic(byte[] credentials) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/auth/token"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials))
			.header("X-Forwarded-For", "203.0.113." + (Fixtures.next() % 250))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			byte[] chunk = (part instanceof byte[] raw) ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
			out.writeBytes(chunk);
		}
		return out.toByteArray();
	}

	@Test
	void anyBytesInBasicCredentialsAreUnauthenticatedWithoutAStackTrace(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		List<byte[]> hostile = List.of(bytes("root", new byte[] { 0 }, "-admin:", Fixtures.ADMIN_PASSWORD),
				bytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3 }, ":x"), bytes("a".repeat(5000), ":x"),
				bytes("no-colon-at-all"), bytes(":"), bytes(new byte[] { 0 }, ":", new byte[] { 0 }),
				bytes("root-admin\r\nX-Injected: 1:pw"), bytes("\u202e\u0007bell:pw"), bytes("名字".repeat(100), ":pw"));

		for (byte[] credentials : hostile) {
			HttpResponse<String> response = basic(credentials);
			assertThat(response.statusCode()).as(new String(credentials, StandardCharsets.ISO_8859_1)).isEqualTo(401);
			assertThat(response.body()).contains("\"code\":\"UNAUTHENTICATED\"");
		}
		String log = output.getAll().substring(logged);
		assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void aPasswordOverBcryptsLimitIsAWrongPassword() throws Exception {
		String username = "long.password." + Fixtures.next();
		this.api.post("/api/v1/admin/operators", this.given.adminToken(),
				Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));

		HttpResponse<String> cjk = basic(bytes(username, ":", "密".repeat(30)));
		HttpResponse<String> ascii = basic(bytes(username, ":", "p".repeat(73)));
		HttpResponse<String> unknownUser = basic(bytes("nobody." + Fixtures.next(), ":", "密".repeat(40)));

		assertThat(cjk.statusCode()).isEqualTo(401);
		assertThat(ascii.statusCode()).isEqualTo(401);
		assertThat(unknownUser.statusCode()).isEqualTo(401);
		assertThat(basic(bytes(username, ":", Fixtures.PASSWORD)).statusCode()).isEqualTo(200);
	}

	@Test
	void subjectsUpTo255CharactersAreStoredWithIdempotencyKeys() {
		String token = sign(Map.of("sub", "idp|" + "s".repeat(196)), Instant.now(), Instant.now().plusSeconds(600));
		Map<String, Object> branch = Map.of("code", "T-LONG-" + Fixtures.next(), "name", "Long subject", "kind",
				"SERVICE_HALL", "regionCode", "440305");

		Response first = this.api.post("/api/v1/admin/branches", token, branch, Map.of("Idempotency-Key", "long-sub"));
		Response again = this.api.post("/api/v1/admin/branches", token, branch, Map.of("Idempotency-Key", "long-sub"));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void subjectsTooLongOrWithControlCharactersAreUnauthenticated() {
		for (String subject : new String[] { "s".repeat(256), "s".repeat(300), "root\u0000admin", "root\nadmin", "\u0007" }) {
			String token = sign(Map.of("sub", subject), Instant.now(), Instant.now().plusSeconds(600));

			Response read = this.api.get("/api/v1/cards/Z00000009", token);
			Response write = this.api.post("/api/v1/admin/branches", token, Map.of("code", "T-X-" + Fixtures.next(),
					"name", "x", "kind", "SERVICE_HALL", "regionCode", "440305"), Map.of("Idempotency-Key", "k"));

			assertThat(read.status()).as(subject).isEqualTo(401);
			assertThat(write.status()).as(subject).isEqualTo(401);
			assertThat(write.code()).isEqualTo("UNAUTHENTICATED");
		}
	}

	@Test
	void issuedTokensNameTheAudienceAndTokensForAnotherAudienceAreRefused() {
		String issued = this.given.adminToken();
		String payload = new String(Base64.getUrlDecoder().decode(issued.split("\\.")[1]), StandardCharsets.UTF_8);
		Instant now = Instant.now();

		assertThat(payload).contains("\"aud\":\"sscard\"");
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of(), now, now.plusSeconds(600))).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of("aud", List.of()), now, now.plusSeconds(600)))
			.status()).as("no audience").isEqualTo(401);
		assertThat(this.api.get("/api/v1/cards/Z00000009",
				sign(Map.of("aud", List.of("payroll")), now, now.plusSeconds(600))).status())
			.as("another service's token").isEqualTo(401);
	}

	@Test
	void tokensValidForLongerThanTheMaximumAreRefused() {
		Instant now = Instant.now();

		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of(), now, now.plusSeconds(3600))).status())
			.as("exactly the maximum").isEqualTo(404);
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of(), now, now.plusSeconds(3601))).status())
			.as("longer than the maximum").isEqualTo(401);
		assertThat(this.api.get("/api/v1/cards/Z00000009",
				sign(Map.of(), now.minusSeconds(86_400), now.plusSeconds(60))).status())
			.as("issued a day ago, still unexpired").isEqualTo(401);
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of(), null, now.plusSeconds(7200))).status())
			.as("no iat, expires in two hours").isEqualTo(401);
		assertThat(this.api.get("/api/v1/cards/Z00000009", sign(Map.of(), null, now.plusSeconds(600))).status())
			.as("no iat, expires in ten minutes").isEqualTo(404);
	}

	/** An ADMIN token signed with the test key, as TokenIssuer writes them; {@code claims} override. */
	static String sign(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(TEST_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer("sscard")
			.subject("root-admin")
			.audience(List.of("sscard"))
			.expiresAt(expiresAt)
			.claim("role", "ADMIN");
		if (issuedAt != null) {
			builder.issuedAt(issuedAt);
		}
		claims.forEach(builder::claim);
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(),
				builder.build()))
			.getTokenValue();
	}

}
