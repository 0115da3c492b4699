package org.sscard.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * Two database roles: Flyway migrates as the owner of the tables
 * ({@code SSCARD_DB_MIGRATION_USERNAME}, on the datasource's URL), the service runs as a role that
 * may only read and write rows, and only append to the history tables (see V8). Without a
 * migration user, Flyway migrates as the datasource user, as before; the service then warns (in
 * the {@code local} and {@code test} profiles) or logs an error (anywhere else) that it can
 * rewrite its own audit trail.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	/**
	 * Flyway's own connection, on the datasource's URL so that both roles always work on the same
	 * database: as the migration user when one is set, otherwise as the datasource's user. Never
	 * one of the pool's: their 3 s socket timeout (a counter must not wait on a silent database)
	 * broke every migration that took longer, such as an index built CONCURRENTLY on a large table.
	 * Spring Boot derives a plain, unpooled connection from the datasource's URL, user and password
	 * for these details, without the pool's driver settings.
	 */
	@Bean
	FlywayConnectionDetails migrationConnection(DatabaseProperties properties, JdbcConnectionDetails datasource) {
		boolean owner = StringUtils.hasText(properties.migrationUsername());
		String username = owner ? properties.migrationUsername() : datasource.getUsername();
		String password = Objects.requireNonNullElse(owner ? properties.migrationPassword() : datasource.getPassword(), "");
		return new FlywayConnectionDetails() {

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return password;
			}

			@Override
			public String getJdbcUrl() {
				return null;
			}

		};
	}

	@Bean
	ApplicationRunner databaseRoleCheck(JdbcTemplate jdbc, Environment environment) {
		return (ApplicationArguments args) -> {
			List<String> problems = problems(jdbc);
			if (problems.isEmpty()) {
				return;
			}
			String message = "The service's database user " + String.join(" and ", problems)
					+ ": it could rewrite the audit trail. Run the service as a role with the grants of migration V8 "
					+ "(SSCARD_DB_USERNAME) and the migrations as the tables' owner (SSCARD_DB_MIGRATION_USERNAME); "
					+ "see the README, \"Database roles\".";
			if (environment.acceptsProfiles(Profiles.of("local", "test"))) {
				log.warn(message);
			}
			else {
				log.error(message);
			}
		};
	}

	/** What is wrong with the role the service is connected as; empty when it is restricted. */
	static List<String> problems(JdbcTemplate jdbc) {
		List<String> problems = new ArrayList<>();
		jdbc.query("select r.rolsuper, c.oid is not null and pg_has_role(current_user, c.relowner, 'USAGE') as owner, "
				+ "c.oid is not null and has_table_privilege(c.oid, 'UPDATE') as may_update "
				+ "from pg_roles r left join pg_class c on c.oid = to_regclass('activation_events') "
				+ "where r.rolname = current_user", (row) -> {
					if (row.getBoolean("rolsuper")) {
						problems.add("is a superuser");
					}
					else if (row.getBoolean("owner")) {
						problems.add("owns the tables");
					}
					else if (row.getBoolean("may_update")) {
						problems.add("may update activation_events");
					}
				});
		return problems;
	}

}
