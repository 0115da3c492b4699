package org.sscard.reliability;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.OtherInstance;
import org.sscard.support.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away behind a proxy and comes back: meanwhile every call answers 503 within
 * five seconds and health is DOWN; afterwards the service works again without a restart.
 */
class DatabaseOutageTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Test
	void whileTheDatabaseIsDownCallsAnswer503QuicklyAndTheServiceRecoversByItself() throws Exception {
		TestCard card = this.given.card("440305", null);
		TestCard other = this.given.card("440305", null);
		String window = this.given.window("SERVICE_HALL", "440305");
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		URI database = URI.create(hikari.getJdbcUrl().substring("jdbc:".length()));
		Map<String, Object> activation = Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678");

		try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort());
				OtherInstance instance = OtherInstance.on(this.dataSource, "jdbc:postgresql://127.0.0.1:" + proxy.port()
						+ database.getPath() + ((database.getQuery() != null) ? "?" + database.getQuery() : ""))) {
			Api api = instance.api();
			assertThat(api.get(card.path(""), window).status()).isEqualTo(200);

			proxy.blackhole();
			Timed read = timed(() -> api.get(card.path(""), window));
			Timed write = timed(() -> api.post(card.path("/social-security-account/activation"), window, activation));
			Timed signIn = timed(() -> api.basic("/api/v1/auth/token", "root-admin", "root-admin-password"));
			Timed health = timed(() -> api.get("/actuator/health", null));

			assertThat(read.response().status()).isEqualTo(503);
			assertThat(read.response().code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(read.elapsed()).isLessThan(Duration.ofSeconds(5));
			assertThat(write.response().code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(write.elapsed()).isLessThan(Duration.ofSeconds(5));
			assertThat(signIn.response().code()).isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(signIn.elapsed()).isLessThan(Duration.ofSeconds(5));
			assertThat(health.response().status()).isEqualTo(503);
			assertThat(health.response().body()).contains("DOWN");
			assertThat(health.elapsed()).isLessThan(Duration.ofSeconds(5));

			proxy.restore();
			Response recovered = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				recovered = api.post(other.path("/social-security-account/activation"), window, activation);
				if (recovered.status() != 503) {
					break;
				}
				Thread.sleep(250);
			}
			assertThat(recovered.status()).isEqualTo(200);
			assertThat(api.get("/actuator/health", null).text("/status")).isEqualTo("UP");
		}
		assertThat(this.api.get(card.path(""), window).text("/socialSecurityAccount/status"))
			.isEqualTo("PENDING_ACTIVATION");
	}

	record Timed(Response response, Duration elapsed) {
	}

	static Timed timed(Supplier<Response> call) {
		long start = System.nanoTime();
		Response response = call.get();
		return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
	}

}
