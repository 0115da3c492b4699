package org.sscard;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The first run where Docker is available: {@code ./mvnw spring-boot:test-run} starts the service
 * (with the {@code local} profile of the Maven plugin's configuration) against a PostgreSQL and a
 * RabbitMQ in containers, which go away with it. Nothing of this is in the packaged jar. Without a
 * Docker engine it says so in a few lines and names the other way, instead of a stack trace.
 */
public final class TestSscardApplication {

	static final String NO_DOCKER = """
			./mvnw spring-boot:test-run starts PostgreSQL and RabbitMQ in containers, but no Docker engine is \
			reachable here. Start Docker, or run the service against a PostgreSQL of your own: \
			apt-get install postgresql (user postgres reachable from localhost without a password, or \
			SSCARD_DB_URL / SSCARD_DB_USERNAME / SSCARD_DB_PASSWORD), then ./mvnw spring-boot:run.""";

	private TestSscardApplication() {
	}

	public static void main(String[] args) {
		if (start(args) == null) {
			System.exit(1);
		}
	}

	/** The running service, or null (and the reason on standard error) when Docker is not there. */
	static ConfigurableApplicationContext start(String... args) {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			System.err.println(NO_DOCKER);
			return null;
		}
		return SpringApplication.from(SscardApplication::main).with(Containers.class).run(args).getApplicationContext();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Containers {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer("postgres:17-alpine");
		}

		@Bean
		@ServiceConnection
		RabbitMQContainer broker() {
			return new RabbitMQContainer("rabbitmq:4-management-alpine");
		}

	}

}
