package org.sscard.shared;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A first run on a machine without the database ends in one short report, naming the database it
 * tried and the two ways to get one, instead of two hundred lines of stack trace.
 */
class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseUnreachable(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		// SQLSTATE class 08: the connection could not be made (refused, unknown host, timed out).
		if (cause.getSQLState() == null || !cause.getSQLState().startsWith("08")) {
			return null;
		}
		String url = this.environment.getProperty("spring.datasource.url", "(spring.datasource.url is not set)");
		return new FailureAnalysis("sscard could not reach its PostgreSQL database at " + url + " ("
				+ cause.getMessage() + ").",
				"Get a database one of two ways. With Docker: './mvnw spring-boot:test-run' runs the service against "
						+ "PostgreSQL and RabbitMQ containers, or 'docker compose up -d db' starts one here. Without "
						+ "Docker: install PostgreSQL (e.g. 'apt-get install postgresql') and let user postgres connect "
						+ "from localhost. Or point SSCARD_DB_URL (and SSCARD_DB_USERNAME, SSCARD_DB_PASSWORD) at a "
						+ "database you have.",
				cause);
	}

}
