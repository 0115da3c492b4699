package org.sscard.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests extends ApiTest {

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(30);

	HttpResponse<String> signIn(String username, String password, String address) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/auth/token"))
			.header("Authorization", "Basic " + credentials)
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String newOperator() {
		String username = "throttle." + Fixtures.next();
		this.api.post("/api/v1/admin/operators", this.given.adminToken(),
				java.util.Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));
		return username;
	}

	@Test
	void repeatedFailuresForOneUsernameFromOneAddressGetShortGrowingDelays() throws Exception {
		String username = newOperator();
		String attacker = "198.51.100." + (Fixtures.next() % 250);
		for (int i = 0; i < 10; i++) {
			assertThat(signIn(username, "wrong-password-" + i, attacker).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> blocked = signIn(username, Fixtures.PASSWORD, attacker);
		HttpResponse<String> elsewhere = signIn(username, Fixtures.PASSWORD, "203.0.113." + (Fixtures.next() % 250));

		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
		assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying((s) -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
		assertThat(elsewhere.statusCode()).as("the real operator elsewhere is not locked out").isEqualTo(200);

		Thread.sleep(1100);
		assertThat(signIn(username, Fixtures.PASSWORD, attacker).statusCode()).as("the delay is short").isEqualTo(200);
	}

	@Test
	void repeatedFailuresFromOneAddressAreThrottledWhateverTheUsername() throws Exception {
		String address = "192.0.2." + (Fixtures.next() % 250);
		for (int i = 0; i < 100; i++) {
			signIn("guess-" + i + "-" + Fixtures.next(), "wrong-password", address);
		}

		HttpResponse<String> response = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD, address);

		assertThat(response.statusCode()).isEqualTo(429);
	}

	@Test
	void aBurstOfParallelGuessesGetsOnlyThePasswordChecksThatAreDue() throws Exception {
		String username = newOperator();
		String attacker = "198.51.100." + (Fixtures.next() % 250);
		for (int i = 0; i < 9; i++) {
			assertThat(signIn(username, "wrong-password-" + i, attacker).statusCode()).isEqualTo(401);
		}

		List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			burst.add(CompletableFuture.supplyAsync(() -> {
				try {
					return signIn(username, "parallel-guess", attacker);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, this.pool));
		}
		Map<Integer, Long> statuses = burst.stream()
			.map(CompletableFuture::join)
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

		assertThat(statuses.getOrDefault(401, 0L)).as("password checks: %s", statuses).isEqualTo(1L);
		assertThat(statuses.getOrDefault(429, 0L)).as("refused unchecked: %s", statuses).isEqualTo(29L);
	}

	@Test
	void failuresForAUsernameFromManyAddressesDoNotLockTheRealOperatorOut() throws Exception {
		String username = newOperator();
		int block = Fixtures.next() % 200;
		for (int i = 0; i < 60; i++) {
			assertThat(signIn(username, "wrong-password", "10." + block + "." + (i / 250) + "." + (i % 250)).statusCode())
				.isIn(401, 429);
		}

		HttpResponse<String> teller = signIn(username, Fixtures.PASSWORD, "172.16." + block + ".1");

		assertThat(teller.statusCode()).as(teller.body()).isEqualTo(200);
	}

	@Test
	void failuresAreSharedThroughTheDatabase() throws Exception {
		String username = newOperator();
		String address = "198.51.100.77";
		for (int i = 0; i < 10; i++) {
			signIn(username, "wrong-password", address);
		}

		assertThat(this.jdbc.queryForObject("select failures from login_failures where subject = ?", Integer.class,
				"pair:" + username + "|" + address)).isEqualTo(10);
		assertThat(this.jdbc.queryForObject("select blocked_until > now() from login_failures where subject = ?",
				Boolean.class, "pair:" + username + "|" + address)).isTrue();
	}

}
