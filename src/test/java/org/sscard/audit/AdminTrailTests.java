package org.sscard.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every administrative write leaves one record of who did what when, and never a secret. */
class AdminTrailTests extends ApiTest {

	List<Map<String, Object>> trail(String subject) {
		return this.jdbc.queryForList("select actor, action, subject, details::text as details, occurred_at "
				+ "from admin_events where subject = ? order by id", subject);
	}

	@Test
	void openingABranchIsRecorded() {
		String code = this.given.branch("BANK_BRANCH", "440305", "ICBC");

		List<Map<String, Object>> trail = trail(code);

		assertThat(trail).hasSize(1);
		assertThat(trail.get(0)).containsEntry("actor", Fixtures.ADMIN).containsEntry("action", "BRANCH_OPENED");
		assertThat((String) trail.get(0).get("details")).contains("BANK_BRANCH").contains("ICBC");
		assertThat(trail.get(0).get("occurred_at")).isNotNull();
	}

	@Test
	void operatorsAreRecordedWhenAddedAndChangedWithoutTheirPasswords() {
		String username = "trail." + Fixtures.next();
		String token = this.given.adminToken();
		this.api.post("/api/v1/admin/operators", token,
				Map.of("username", username, "password", "first-password-2026", "role", "ADMIN"));
		this.api.send("PATCH", "/api/v1/admin/operators/" + username, token, "application/merge-patch+json",
				"{\"password\":\"second-password-2026\",\"enabled\":false}");

		List<Map<String, Object>> trail = trail(username);

		assertThat(trail).extracting((row) -> row.get("action")).containsExactly("OPERATOR_ADDED", "OPERATOR_CHANGED");
		assertThat(trail).allSatisfy((row) -> assertThat(row).containsEntry("actor", Fixtures.ADMIN));
		assertThat((String) trail.get(1).get("details")).contains("password").contains("enabled");
		assertThat(trail.toString()).doesNotContain("first-password-2026").doesNotContain("second-password-2026")
			.doesNotContain("{bcrypt}");
	}

	@Test
	void channelClientsAreRecordedWhenAddedAndChangedWithoutTheirSecrets() {
		String clientId = "trail-" + Fixtures.next();
		String token = this.given.adminToken();
		this.api.post("/api/v1/admin/channel-clients", token,
				Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "WECHAT"));
		this.api.send("PATCH", "/api/v1/admin/channel-clients/" + clientId, token, "application/json",
				"{\"secret\":\"another-client-secret-0123456789\"}");

		List<Map<String, Object>> trail = trail(clientId);

		assertThat(trail).extracting((row) -> row.get("action"))
			.containsExactly("CHANNEL_CLIENT_ADDED", "CHANNEL_CLIENT_CHANGED");
		assertThat(trail).allSatisfy((row) -> assertThat(row).containsEntry("actor", Fixtures.ADMIN));
		assertThat(trail.toString()).doesNotContain(Fixtures.SECRET).doesNotContain("another-client-secret-0123456789");
	}

	@Test
	void aRefusedWriteLeavesNoRecord() {
		String username = "trail." + Fixtures.next();
		String token = this.given.adminToken();
		this.api.post("/api/v1/admin/operators", token,
				Map.of("username", username, "password", Fixtures.PASSWORD, "role", "ADMIN"));
		this.api.post("/api/v1/admin/channel-clients", token,
				Map.of("clientId", username, "secret", Fixtures.SECRET, "channel", "WECHAT"));

		assertThat(trail(username)).extracting((row) -> row.get("action")).containsExactly("OPERATOR_ADDED");
	}

	@Test
	void theBootstrapAdministratorWasAddedBySystem() {
		assertThat(trail(Fixtures.ADMIN)).extracting((row) -> row.get("actor")).containsExactly("system");
	}

	@Test
	void theTrailIsAppendOnly() {
		String code = this.given.branch("HOSPITAL", "440305", null);

		assertThatThrownBy(() -> this.jdbc.update("update admin_events set actor = 'someone' where subject = ?", code))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from admin_events where subject = ?", code))
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("truncate admin_events")).hasStackTraceContaining("append-only");
	}

}
