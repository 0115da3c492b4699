package org.sscard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rabbitmq.client.ConnectionFactory;

import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The real RabbitMQ the event feed's tests run against: a Testcontainers RabbitMQ where a Docker
 * engine is available, otherwise the local broker named by {@code SSCARD_TEST_RABBIT_HOST} /
 * {@code _PORT} / {@code _USERNAME} / {@code _PASSWORD} (default 127.0.0.1:5672 guest/guest), in a
 * virtual host of this test run's own, created through the management API
 * ({@code SSCARD_TEST_RABBIT_MANAGEMENT_URL}, default http://127.0.0.1:15672) and deleted when the
 * run ends: test runs sharing the machine's broker never see each other's messages.
 *
 * <p>The services under test reach the broker through a {@link TcpProxy} ({@link #link()}) that a
 * test may cut to play an outage; a test's own consumers connect directly ({@link #connectionFactory()}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBroker {

	@Bean
	RabbitConnectionDetails testRabbit() {
		Broker broker = Broker.get();
		return new RabbitConnectionDetails() {

			@Override
			public List<Address> getAddresses() {
				return List.of(new Address("127.0.0.1", broker.link().port()));
			}

			@Override
			public String getUsername() {
				return broker.username();
			}

			@Override
			public String getPassword() {
				return broker.password();
			}

			@Override
			public String getVirtualHost() {
				return broker.virtualHost();
			}

		};
	}

	/** Arguments that point a service started by hand at the same broker, through the same link. */
	public static String[] arguments() {
		Broker broker = Broker.get();
		return new String[] { "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + broker.link().port(),
				"--spring.rabbitmq.username=" + broker.username(), "--spring.rabbitmq.password=" + broker.password(),
				"--spring.rabbitmq.virtual-host=" + broker.virtualHost() };
	}

	/** The link between the services and the broker, which a test may cut and restore. */
	public static TcpProxy link() {
		return Broker.get().link();
	}

	/** A connection factory straight to the broker (not through the link), for a test's consumers. */
	public static ConnectionFactory connectionFactory() {
		Broker broker = Broker.get();
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(broker.host());
		factory.setPort(broker.port());
		factory.setUsername(broker.username());
		factory.setPassword(broker.password());
		factory.setVirtualHost(broker.virtualHost());
		return factory;
	}

	record Broker(String host, int port, String username, String password, String virtualHost, TcpProxy link) {

		private static Broker instance;

		static synchronized Broker get() {
			if (instance == null) {
				instance = TestDatabase.dockerAvailable() ? container() : local();
			}
			return instance;
		}

		private static Broker container() {
			RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-management-alpine");
			container.start();
			return of(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
					container.getAdminPassword(), "/");
		}

		private static Broker local() {
			String host = env("SSCARD_TEST_RABBIT_HOST", "127.0.0.1");
			int port = Integer.parseInt(env("SSCARD_TEST_RABBIT_PORT", "5672"));
			String username = env("SSCARD_TEST_RABBIT_USERNAME", "guest");
			String password = env("SSCARD_TEST_RABBIT_PASSWORD", "guest");
			String management = env("SSCARD_TEST_RABBIT_MANAGEMENT_URL", "http://127.0.0.1:15672");
			String vhost = "sscard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
			Management api = new Management(management, username, password);
			api.call("PUT", "/api/vhosts/" + vhost, "{}");
			api.call("PUT", "/api/permissions/" + vhost + "/" + username, "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> api.call("DELETE", "/api/vhosts/" + vhost, null)));
			return of(host, port, username, password, vhost);
		}

		private static Broker of(String host, int port, String username, String password, String vhost) {
			try {
				return new Broker(host, port, username, password, vhost, new TcpProxy(host, port));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? fallback : value;
		}

	}

	private record Management(String url, String username, String password) {

		void call(String method, String path, String body) {
			String credentials = Base64.getEncoder()
				.encodeToString((this.username + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.url + path))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
				.build();
			try {
				HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
					.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() >= 300) {
					throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot reach the RabbitMQ management API at " + this.url + " (enable it: "
						+ "rabbitmq-plugins enable rabbitmq_management; or set SSCARD_TEST_RABBIT_MANAGEMENT_URL, or run Docker): "
						+ ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
