package org.sscard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every integration test runs against: a Testcontainers PostgreSQL where a
 * Docker engine is available (CI runners), otherwise a fresh database created for this test run
 * on the server given by {@code SSCARD_TEST_DB_URL} (default {@code localhost:5432}) and dropped
 * when the run ends.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer("postgres:17-alpine");
	}

	@Bean
	@Conditional(DockerUnavailable.class)
	JdbcConnectionDetails localDatabase() {
		LocalDatabase database = LocalDatabase.get();
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.url();
			}

			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

		};
	}

	private static PostgreSQLContainer standaloneContainer;

	/**
	 * Datasource arguments for a service started by hand (outside the Spring test context, e.g.
	 * from a test that starts its own service): the same choice of Testcontainers or the local server.
	 */
	public static synchronized String[] standaloneArguments() {
		if (dockerAvailable()) {
			if (standaloneContainer == null) {
				standaloneContainer = new PostgreSQLContainer("postgres:17-alpine");
				standaloneContainer.start();
			}
			return new String[] { "--spring.datasource.url=" + standaloneContainer.getJdbcUrl(),
					"--spring.datasource.username=" + standaloneContainer.getUsername(),
					"--spring.datasource.password=" + standaloneContainer.getPassword() };
		}
		LocalDatabase database = LocalDatabase.get();
		return new String[] { "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password() };
	}

	private static Boolean dockerAvailable;

	static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			try {
				dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				dockerAvailable = false;
			}
		}
		return dockerAvailable;
	}

	static final class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return dockerAvailable();
		}

	}

	static final class DockerUnavailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !dockerAvailable();
		}

	}

	/** One database per test run (JVM), shared by every application context of the run. */
	public static final class LocalDatabase {

		private static LocalDatabase instance;

		private final String serverUrl;

		private final String name;

		private final String username;

		private final String password;

		private LocalDatabase() {
			this.serverUrl = env("SSCARD_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
			this.username = env("SSCARD_TEST_DB_USERNAME", "postgres");
			this.password = env("SSCARD_TEST_DB_PASSWORD", "");
			this.name = "sscard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
			execute("create database " + this.name);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop database if exists " + this.name + " with (force)")));
		}

		public static synchronized LocalDatabase get() {
			if (instance == null) {
				instance = new LocalDatabase();
			}
			return instance;
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? fallback : value;
		}

		private void execute(String sql) {
			try (Connection connection = DriverManager.getConnection(this.serverUrl, this.username, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot reach the test PostgreSQL at " + this.serverUrl
						+ " (set SSCARD_TEST_DB_URL, or run Docker): " + ex.getMessage(), ex);
			}
		}

		public String url() {
			int slash = this.serverUrl.lastIndexOf('/');
			int query = this.serverUrl.indexOf('?', slash);
			return this.serverUrl.substring(0, slash + 1) + this.name + ((query > 0) ? this.serverUrl.substring(query) : "");
		}

		public String username() {
			return this.username;
		}

		public String password() {
			return this.password;
		}

	}

}
