package org.sscard.security;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.OtherInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** A change of an operator or channel client ends its existing tokens at once, on every instance. */
class TokenRevocationTests extends ApiTest {

	/** A card that does not exist: an authenticated staff caller gets 404, an unauthenticated one 401. */
	static final String PROBE = "/api/v1/cards/Z00000009";

	@Autowired
	DataSource dataSource;

	Response patch(String path, String body) {
		return patch(this.api, path, body);
	}

	Response patch(Api on, String path, String body) {
		return on.send("PATCH", "/api/v1/admin/" + path, this.given.adminToken(), "application/merge-patch+json", body);
	}

	String newAdmin() {
		String username = "adm." + Fixtures.next();
		this.api.post("/api/v1/admin/operators", this.given.adminToken(),
				Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));
		return username;
	}

	String newClient() {
		String clientId = "rev-" + Fixtures.next();
		this.api.post("/api/v1/admin/channel-clients", this.given.adminToken(),
				Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "WECHAT"));
		return clientId;
	}

	@Test
	void aPasswordChangeEndsOldTokensAndANewSignInWorksAtOnce() {
		String username = newAdmin();
		String token = this.api.token(username, Fixtures.PASSWORD);
		assertThat(this.api.get(PROBE, token).status()).isEqualTo(404);

		Response changed = patch("operators/" + username, "{\"password\":\"another-password-2026\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("/username")).isEqualTo(username);
		assertThat(changed.json().get("enabled").asBoolean()).isTrue();
		assertThat(changed.body()).doesNotContain("another-password-2026").doesNotContainIgnoringCase("password");
		Response old = this.api.get(PROBE, token);
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(this.api.basic("/api/v1/auth/token", username, Fixtures.PASSWORD).status()).isEqualTo(401);
		// Issued in the same second as the change, and still valid: tokens carry a generation, not a time.
		assertThat(this.api.get(PROBE, this.api.token(username, "another-password-2026")).status()).isEqualTo(404);
	}

	@Test
	void aRoleChangeEndsOldTokens() {
		String username = newAdmin();
		String token = this.api.token(username, Fixtures.PASSWORD);
		String branch = this.given.branch("BANK_BRANCH", "440305", "ICBC");

		Response changed = patch("operators/" + username,
				"{\"role\":\"TELLER\",\"branchCode\":\"" + branch + "\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("/role")).isEqualTo("TELLER");
		assertThat(changed.text("/branchCode")).isEqualTo(branch);
		assertThat(this.api.get("/actuator/prometheus", token).status()).isEqualTo(401);
		String teller = this.api.token(username, Fixtures.PASSWORD);
		assertThat(this.api.get("/actuator/prometheus", teller).status()).isEqualTo(403);
	}

	@Test
	void aDisabledOperatorsTokensStopAndItCannotSignInUntilEnabledAgain() {
		String username = newAdmin();
		String token = this.api.token(username, Fixtures.PASSWORD);

		Response disabled = patch("operators/" + username, "{\"enabled\":false}");

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		assertThat(this.api.get(PROBE, token).status()).isEqualTo(401);
		Response signIn = this.api.basic("/api/v1/auth/token", username, Fixtures.PASSWORD);
		assertThat(signIn.status()).isEqualTo(401);
		assertThat(signIn.code()).isEqualTo("UNAUTHENTICATED");

		assertThat(patch("operators/" + username, "{\"enabled\":true}").status()).isEqualTo(200);
		assertThat(this.api.get(PROBE, token).status()).isEqualTo(401);
		assertThat(this.api.get(PROBE, this.api.token(username, Fixtures.PASSWORD)).status()).isEqualTo(404);
	}

	@Test
	void aChannelClientsChangesEndItsTokens() {
		String clientId = newClient();
		String token = this.api.token(clientId, Fixtures.SECRET);
		assertThat(this.api.get(PROBE, token).status()).isEqualTo(403);

		Response changed = this.api.send("PATCH", "/api/v1/admin/channel-clients/" + clientId,
				this.given.adminToken(), "application/json", "{\"secret\":\"a-brand-new-client-secret-2026\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("/clientId")).isEqualTo(clientId);
		assertThat(changed.body()).doesNotContain("a-brand-new-client-secret-2026").doesNotContain("secret");
		assertThat(this.api.get(PROBE, token).status()).isEqualTo(401);
		String renewed = this.api.token(clientId, "a-brand-new-client-secret-2026");
		assertThat(patch("channel-clients/" + clientId, "{\"enabled\":false}").status()).isEqualTo(200);
		assertThat(this.api.get(PROBE, renewed).status()).isEqualTo(401);
		assertThat(this.api.basic("/api/v1/auth/token", clientId, "a-brand-new-client-secret-2026").status())
			.isEqualTo(401);
	}

	@Test
	void aChangeOnOneInstanceEndsTheTokenOnTheOtherAtOnce() {
		try (OtherInstance other = OtherInstance.on(this.dataSource)) {
			Api second = other.api();
			String here = newAdmin();
			String there = newAdmin();
			String promoted = newAdmin();
			String branch = this.given.branch("SERVICE_HALL", "440305", null);
			String tokenHere = this.api.token(here, Fixtures.PASSWORD);
			String tokenThere = second.token(there, Fixtures.PASSWORD);
			String tokenPromoted = this.api.token(promoted, Fixtures.PASSWORD);
			assertThat(second.get(PROBE, tokenHere).status()).isEqualTo(404);
			assertThat(this.api.get(PROBE, tokenThere).status()).isEqualTo(404);
			assertThat(second.get(PROBE, tokenPromoted).status()).isEqualTo(404);

			assertThat(patch("operators/" + here, "{\"password\":\"another-password-2026\"}").status()).isEqualTo(200);
			assertThat(patch(second, "operators/" + there, "{\"enabled\":false}").status()).isEqualTo(200);
			assertThat(patch("operators/" + promoted, "{\"role\":\"SERVICE_WINDOW\",\"branchCode\":\"" + branch + "\"}")
				.status()).isEqualTo(200);

			// NOTIFY reaches the other instance within milliseconds; allow for a loaded machine.
			assertThat(eventually(() -> second.get(PROBE, tokenHere).status(), 401)).isEqualTo(401);
			assertThat(eventually(() -> this.api.get(PROBE, tokenThere).status(), 401)).isEqualTo(401);
			assertThat(eventually(() -> second.get(PROBE, tokenPromoted).status(), 401)).isEqualTo(401);
			assertThat(second.get(PROBE, tokenThere).status()).isEqualTo(401);
			assertThat(second.basic("/api/v1/auth/token", there, Fixtures.PASSWORD).status()).isEqualTo(401);
		}
	}

	@Test
	void aDeletedOperatorsTokensStopAndItsNameStaysTaken() {
		String username = newAdmin();
		String token = this.api.token(username, Fixtures.PASSWORD);

		this.jdbc.update("delete from operators where username = ?", username);

		assertThat(eventually(() -> this.api.get(PROBE, token).status(), 401)).isEqualTo(401);
		assertThat(this.api.post("/api/v1/admin/channel-clients", this.given.adminToken(),
				Map.of("clientId", username, "secret", Fixtures.SECRET, "channel", "WECHAT")).code()).isEqualTo("DUPLICATE");
	}

	@Test
	void anUnknownPrincipalIsNotFound() {
		Response operator = patch("operators/nobody." + Fixtures.next(), "{\"enabled\":false}");
		Response client = patch("channel-clients/nobody-" + Fixtures.next(), "{\"enabled\":false}");
		Response clientAsOperator = patch("operators/" + newClient().toLowerCase(), "{\"enabled\":false}");

		assertThat(operator.status()).isEqualTo(404);
		assertThat(operator.code()).isEqualTo("NOT_FOUND");
		assertThat(client.status()).isEqualTo(404);
		assertThat(client.code()).isEqualTo("NOT_FOUND");
		assertThat(clientAsOperator.status()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "role:{\"role\":\"BOSS\"}", "enabled:{\"enabled\":\"yes\"}", "enabled:{\"enabled\":null}",
			"password:{\"password\":\"short-pass\"}", "password:{\"password\":null}", "nickname:{\"nickname\":\"x\"}",
			"branchCode:{\"role\":\"TELLER\"}", "branchCode:{\"branchCode\":\"lower-case\"}" })
	void anOperatorPatchIsCheckedLikeAnOperator(String fieldAndBody) {
		String[] parts = fieldAndBody.split(":", 2);
		String username = newAdmin();

		Response response = patch("operators/" + username, parts[1]);

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.text("/errors/0/field")).isEqualTo(parts[0]);
		assertThat(this.api.basic("/api/v1/auth/token", username, Fixtures.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void aRoleMustFitItsBranchAfterAPatchToo() {
		String hospital = this.given.branch("HOSPITAL", "440305", null);
		String username = newAdmin();

		Response response = patch("operators/" + username, "{\"role\":\"TELLER\",\"branchCode\":\"" + hospital + "\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("/errors/0/field")).isEqualTo("branchCode");
	}

	@Test
	void aClientPatchIsChecked() {
		String clientId = newClient();

		assertThat(patch("channel-clients/" + clientId, "{\"secret\":\"too-short\"}").text("/errors/0/field"))
			.isEqualTo("secret");
		assertThat(patch("channel-clients/" + clientId, "{\"channel\":\"ALIPAY\"}").status()).isEqualTo(400);
	}

	@Test
	void onlyAdministratorsChangePrincipals() {
		String username = newAdmin();
		String teller = this.given.teller("440305", "ICBC");

		Response response = this.api.send("PATCH", "/api/v1/admin/operators/" + username, teller,
				"application/merge-patch+json", "{\"enabled\":false}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("FORBIDDEN");
		assertThat(this.api.basic("/api/v1/auth/token", username, Fixtures.PASSWORD).status()).isEqualTo(200);
	}

	static int eventually(Supplier<Integer> status, int wanted) {
		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		int last = status.get();
		while (last != wanted && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			last = status.get();
		}
		return last;
	}

}
