package org.sscard.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL. Every statement is atomic on its own, so two instances that
 * receive the same key at the same time agree on which of them does the work: the one whose
 * insert succeeded, or the one that took over a lease a crashed attempt left behind.
 */
@Repository
class IdempotencyStore {

	private final JdbcTemplate jdbc;

	private final Duration lease;

	private final Duration retention;

	IdempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.lease = properties.lease();
		this.retention = properties.retention();
	}

	sealed interface Claim permits Claimed, Replay, InUse, Reused {
	}

	record Claimed() implements Claim {
	}

	record Replay(int status, String contentType, String body) implements Claim {
	}

	record InUse() implements Claim {
	}

	record Reused() implements Claim {
	}

	/** Claims the key for this request, or says why not. */
	Claim claim(String caller, String key, byte[] requestHash) {
		Instant now = Instant.now();
		int inserted = this.jdbc.update("insert into idempotency_keys (caller, idempotency_key, request_hash, state, "
				+ "created_at, lease_until) values (?, ?, ?, 'IN_PROGRESS', ?, ?) on conflict do nothing", caller, key,
				requestHash, Timestamp.from(now), Timestamp.from(now.plus(this.lease)));
		if (inserted == 1) {
			return new Claimed();
		}
		List<Claim> found = this.jdbc.query("select request_hash, state, response_status, response_type, response_body, "
				+ "created_at, lease_until from idempotency_keys where caller = ? and idempotency_key = ?", (rs, row) -> {
					Instant created = rs.getTimestamp("created_at").toInstant();
					if (created.isBefore(now.minus(this.retention))) {
						return takeOver(caller, key, requestHash, now, created, true);
					}
					boolean completed = "COMPLETED".equals(rs.getString("state"));
					if (!completed && rs.getTimestamp("lease_until").toInstant().isAfter(now)) {
						return new InUse();
					}
					if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
						return new Reused();
					}
					if (completed) {
						return new Replay(rs.getInt("response_status"), rs.getString("response_type"),
								rs.getString("response_body"));
					}
					return takeOver(caller, key, requestHash, now, created, false);
				}, caller, key);
		return found.isEmpty() ? claim(caller, key, requestHash) : found.get(0);
	}

	/** A key past its retention starts afresh; an abandoned lease (a crashed attempt) is taken over by one caller only. */
	private Claim takeOver(String caller, String key, byte[] requestHash, Instant now, Instant created, boolean expired) {
		int updated = expired
				? this.jdbc.update("update idempotency_keys set request_hash = ?, state = 'IN_PROGRESS', response_status = null, "
						+ "response_type = null, response_body = null, created_at = ?, lease_until = ? where caller = ? "
						+ "and idempotency_key = ? and created_at = ?", requestHash, Timestamp.from(now),
						Timestamp.from(now.plus(this.lease)), caller, key, Timestamp.from(created))
				: this.jdbc.update("update idempotency_keys set lease_until = ? where caller = ? and idempotency_key = ? "
						+ "and state = 'IN_PROGRESS' and lease_until <= ?", Timestamp.from(now.plus(this.lease)), caller, key,
						Timestamp.from(now));
		return (updated == 1) ? new Claimed() : new InUse();
	}

	void complete(String caller, String key, int status, String contentType, String body) {
		this.jdbc.update("update idempotency_keys set state = 'COMPLETED', response_status = ?, response_type = ?, "
				+ "response_body = ? where caller = ? and idempotency_key = ?", status, contentType, body, caller, key);
	}

	/** Forgets a key whose attempt failed on our side, so that the retry runs again. */
	void release(String caller, String key) {
		this.jdbc.update("delete from idempotency_keys where caller = ? and idempotency_key = ? and state = 'IN_PROGRESS'",
				caller, key);
	}

	int purgeExpired() {
		return this.jdbc.update("delete from idempotency_keys where created_at < ?",
				Timestamp.from(Instant.now().minus(this.retention)));
	}

}
