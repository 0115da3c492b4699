package org.sscard.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one case-insensitive name space of operators and channel clients, and each principal's
 * sign-in state (table {@code principal_names}, see V6). Rows are inserted by the database
 * itself when an operator or client is inserted.
 */
@Repository
class PrincipalNames {

	private static final String COLUMNS = "name, kind, enabled, token_generation, tokens_valid_from";

	private final JdbcTemplate jdbc;

	PrincipalNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The principal whose name equals this one ignoring case. */
	Optional<PrincipalState> find(String name) {
		return this.jdbc.query("select " + COLUMNS + " from principal_names where lower(name) = lower(?)",
				PrincipalNames::state, name).stream().findFirst();
	}

	boolean taken(String name) {
		return find(name).isPresent();
	}

	/**
	 * Records a change of the principal: its existing tokens stop working. {@code enabled} null
	 * keeps it as it is. Locks the row until the transaction ends.
	 */
	PrincipalState changed(String name, Boolean enabled) {
		return this.jdbc.queryForObject("update principal_names set enabled = coalesce(?, enabled), "
				+ "token_generation = token_generation + 1, tokens_valid_from = now() where name = ? returning " + COLUMNS,
				PrincipalNames::state, enabled, name);
	}

	/** Every principal whose tokens are not simply all valid: changed at least once, or disabled. */
	List<PrincipalState> withRevocations() {
		return this.jdbc.query("select " + COLUMNS + " from principal_names where token_generation > 0 or not enabled",
				PrincipalNames::state);
	}

	private static PrincipalState state(ResultSet row, int index) throws SQLException {
		Timestamp validFrom = row.getTimestamp("tokens_valid_from");
		return new PrincipalState(row.getString("name"), row.getString("kind"), row.getBoolean("enabled"),
				row.getLong("token_generation"), (validFrom != null) ? validFrom.toInstant() : null);
	}

}
