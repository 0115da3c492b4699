package org.sscard.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.branch.BranchOpened;
import org.sscard.staff.ChannelClientAdded;
import org.sscard.staff.ChannelClientChanged;
import org.sscard.staff.OperatorAdded;
import org.sscard.staff.OperatorChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of administration (table {@code admin_events}): who opened a branch,
 * added or changed an operator or a channel client, and when (the database's clock). Written in
 * the transaction of the change it records, so one exists exactly when the other was committed.
 * Never a password or secret: a change lists the names of the fields it changed.
 */
@Component
class AdminTrail {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	AdminTrail(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(BranchOpened event) {
		record(event.by(), "BRANCH_OPENED", event.code(),
				details("kind", event.kind(), "regionCode", event.regionCode(), "bankCode", event.bankCode()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OperatorAdded event) {
		record(event.by(), "OPERATOR_ADDED", event.username(),
				details("role", event.role(), "branchCode", event.branchCode()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(OperatorChanged event) {
		record(event.by(), "OPERATOR_CHANGED", event.username(), details("changed", event.changes(), "role",
				event.role(), "branchCode", event.branchCode(), "enabled", event.enabled()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ChannelClientAdded event) {
		record(event.by(), "CHANNEL_CLIENT_ADDED", event.clientId(),
				details("channel", event.channel(), "bankCode", event.bankCode()));
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ChannelClientChanged event) {
		record(event.by(), "CHANNEL_CLIENT_CHANGED", event.clientId(),
				details("changed", event.changes(), "enabled", event.enabled()));
	}

	/** occurred_at is left to the database, which sets it whatever a writer sends. */
	private void record(String actor, String action, String subject, Map<String, Object> details) {
		this.jdbc.update("insert into admin_events (actor, action, subject, details) values (?, ?, ?, ?::jsonb)", actor,
				action, subject, this.json.writeValueAsString(details));
	}

	private static Map<String, Object> details(Object... namesAndValues) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				details.put((String) namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return details;
	}

}
