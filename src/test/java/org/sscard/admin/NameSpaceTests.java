package org.sscard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Usernames and client ids are one case-insensitive name space, kept by the database. */
class NameSpaceTests extends ApiTest {

	Response operator(String username) {
		return this.api.post("/api/v1/admin/operators", this.given.adminToken(),
				Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));
	}

	Response client(String clientId) {
		return this.api.post("/api/v1/admin/channel-clients", this.given.adminToken(),
				Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "WECHAT"));
	}

	@Test
	void anOperatorAndAClientCannotShareAName() {
		String name = "shared." + Fixtures.next();

		assertThat(operator(name).status()).isEqualTo(201);
		Response client = client(name);

		assertThat(client.status()).isEqualTo(409);
		assertThat(client.code()).isEqualTo("DUPLICATE");
	}

	@Test
	void namesDifferingOnlyInCaseAreTheSameName() {
		String name = "casey." + Fixtures.next();
		String app = "MixedApp-" + Fixtures.next();

		assertThat(operator(name).status()).isEqualTo(201);
		assertThat(client(name.toUpperCase()).code()).isEqualTo("DUPLICATE");
		assertThat(client(app).status()).isEqualTo(201);
		assertThat(client(app.toLowerCase()).code()).isEqualTo("DUPLICATE");
	}

	@Test
	void theDatabaseRefusesAClashWhoeverWrites() {
		String name = "direct." + Fixtures.next();
		assertThat(operator(name).status()).isEqualTo(201);

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into channel_clients (client_id, secret_hash, channel) values (?, 'x', 'WECHAT')",
				name.toUpperCase()));
	}

	@Test
	void concurrentClaimsOfOneNameGiveExactlyOneSuccess() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			this.given.adminToken();
			for (int round = 0; round < 4; round++) {
				String name = "race." + Fixtures.next();
				CountDownLatch start = new CountDownLatch(1);
				List<Callable<Response>> calls = List.of(() -> operator(name), () -> client(name),
						() -> client(name.toUpperCase()), () -> operator(name), () -> client(capitalised(name)),
						() -> client(name));
				List<Future<Response>> futures = new ArrayList<>();
				for (Callable<Response> call : calls) {
					futures.add(pool.submit(() -> {
						start.await();
						return call.call();
					}));
				}
				start.countDown();
				List<Response> responses = new ArrayList<>();
				for (Future<Response> future : futures) {
					responses.add(future.get());
				}

				assertThat(responses).as(name).filteredOn((r) -> r.status() == 201).hasSize(1);
				assertThat(responses).as(name)
					.filteredOn((r) -> r.status() != 201)
					.allSatisfy((r) -> assertThat(r.code()).as(r.toString()).isEqualTo("DUPLICATE"));
				assertThat(this.jdbc.queryForObject("select count(*) from principal_names where lower(name) = ?",
						Integer.class, name)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void signInIgnoresCaseAndTheTokenCarriesTheStoredName() {
		String app = "CaseApp-" + Fixtures.next();
		client(app);

		Response response = this.api.basic("/api/v1/auth/token", app.toLowerCase(), Fixtures.SECRET);

		assertThat(response.status()).isEqualTo(200);
		String payload = new String(java.util.Base64.getUrlDecoder()
			.decode(response.text("/access_token").split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(payload).contains("\"sub\":\"" + app + "\"");
	}

	static String capitalised(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
