package org.sscard.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's own database role cannot rewrite history: connected as a login role that is a
 * member of {@code sscard_app} (the role migration V8 grants to), exactly as the service runs in
 * production, it may add events and nothing else.
 */
class DatabaseRoleTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	String role;

	Connection connection;

	JdbcTemplate service;

	@BeforeEach
	void connectAsTheServiceRole() throws SQLException {
		// Roles belong to the whole server: a name of this run's own, dropped afterwards.
		this.role = "sscard_app_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
		// A password too, for servers that do not trust local connections (e.g. Testcontainers').
		String password = UUID.randomUUID().toString();
		this.jdbc.execute("create role " + this.role + " login password '" + password + "' in role sscard_app");
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		this.connection = DriverManager.getConnection(hikari.getJdbcUrl(), this.role, password);
		this.service = new JdbcTemplate(new SingleConnectionDataSource(this.connection, true));
	}

	@AfterEach
	void dropTheRole() throws SQLException {
		this.connection.close();
		this.jdbc.execute("drop role if exists " + this.role);
	}

	Long cardId(TestCard card) {
		return this.jdbc.queryForObject("select id from cards where card_number = ?", Long.class, card.cardNumber());
	}

	@Test
	void theServiceRoleCannotUpdateDeleteTruncateOrDisableTheTriggers() {
		TestCard card = this.given.card("440305", null);
		Long id = cardId(card);

		for (String sql : new String[] { "update activation_events set actor = 'someone' where card_id = " + id,
				"delete from activation_events where card_id = " + id, "truncate activation_events cascade",
				"alter table activation_events disable trigger all",
				"alter table activation_events disable trigger activation_events_no_update_delete",
				"update admin_events set actor = 'someone'", "delete from admin_events", "truncate admin_events",
				"alter table admin_events disable trigger all", "drop trigger activation_events_occurred_now on activation_events",
				"update flyway_schema_history set success = false" }) {
			assertThatThrownBy(() -> this.service.execute(sql)).as(sql)
				.satisfiesAnyOf((ex) -> assertThat(ex).hasStackTraceContaining("permission denied"),
						(ex) -> assertThat(ex).hasStackTraceContaining("must be owner"));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from activation_events where card_id = ? and actor <> 'someone'",
				Integer.class, id)).isEqualTo(1);
	}

	@Test
	void theServiceRoleAppendsButCannotBackDate() {
		TestCard card = this.given.card("440305", null);
		Long id = cardId(card);

		this.service.update("insert into activation_events (card_id, occurred_at, account, action, outcome, actor) "
				+ "values (?, timestamptz '2001-01-01 00:00:00Z', 'CARD', 'CARD_ISSUED', 'SUCCEEDED', 'forger')", id);
		this.service.update("insert into admin_events (occurred_at, actor, action, subject) "
				+ "values (timestamptz '2001-01-01 00:00:00Z', 'forger', 'BRANCH_OPENED', 'FORGED-1')");

		assertThat(this.service.queryForObject("select count(*) from activation_events where actor = 'forger' "
				+ "and occurred_at > now() - interval '1 minute'", Integer.class)).isEqualTo(1);
		assertThat(this.service.queryForObject("select count(*) from admin_events where actor = 'forger' "
				+ "and occurred_at > now() - interval '1 minute'", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from activation_events where occurred_at < '2020-01-01'",
				Integer.class)).isZero();
	}

	@Test
	void theServiceRoleStillWorksTheWorkingTables() {
		String name = "role.check." + Fixtures.next();
		this.given.adminToken();

		this.service.update("insert into login_failures (subject, failures, last_failure_at, blocked_until) "
				+ "values (?, 1, now(), now())", name);
		this.service.update("update login_failures set failures = 2 where subject = ?", name);
		this.service.update("delete from login_failures where subject = ?", name);
		this.service.update("update principal_names set enabled = enabled where name = 'root-admin'");
		assertThat(this.service.queryForObject("select count(*) from operators", Integer.class)).isPositive();
	}

	@Test
	void tablesOfLaterMigrationsAreWorkingTablesForTheServiceRoleToo() {
		String table = "later_migration_" + Fixtures.next();
		this.jdbc.execute("create table " + table + " (id bigint generated always as identity primary key, note text)");
		try {
			this.service.update("insert into " + table + " (note) values ('x')");
			this.service.update("update " + table + " set note = 'y'");
			this.service.update("delete from " + table);
			assertThatThrownBy(() -> this.service.execute("alter table " + table + " add column extra text"))
				.hasStackTraceContaining("must be owner");
		}
		finally {
			this.jdbc.execute("drop table " + table);
		}
	}

	@Test
	void startUpReportsAServiceRoleThatCouldRewriteHistory() {
		assertThat(DatabaseRoles.problems(this.jdbc)).containsExactly("is a superuser");
		assertThat(DatabaseRoles.problems(this.service)).isEmpty();
	}

}
