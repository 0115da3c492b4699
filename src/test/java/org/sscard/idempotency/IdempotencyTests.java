package org.sscard.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTests extends ApiTest {

	static final Map<String, Object> ACTIVATE = Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678");

	@Autowired
	IdempotencyPurge purge;

	String path(TestCard card) {
		return card.path("/social-security-account/activation");
	}

	@Test
	void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAgain() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");

		Response first = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "retry-1"));
		Response retry = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "retry-1"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(events(card, "ACTIVATED")).isEqualTo(1);
	}

	@Test
	void aReplayedRejectionIsNotCountedTwice() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		Map<String, Object> wrong = Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678");

		Response first = this.api.post(path(card), window, wrong, Map.of("Idempotency-Key", "wrong-1"));
		Response retry = this.api.post(path(card), window, wrong, Map.of("Idempotency-Key", "wrong-1"));

		assertThat(retry.status()).isEqualTo(422);
		assertThat(retry.header("content-type")).startsWith("application/problem+json");
		assertThat(retry.json().get("remainingAttempts")).isEqualTo(first.json().get("remainingAttempts"));
		assertThat(mismatchCount(card)).isEqualTo(1);
	}

	/**
	 * The call's work and its key's stored answer commit together. Injected fault: the database
	 * refuses to store this one key's answer, as when the instance dies, or the primary fails over,
	 * between the work and that update. The work must then not stay done either, or the retry would
	 * run again and be refused ALREADY_ACTIVE for what the first attempt did.
	 */
	@Test
	void theWorkAndItsStoredAnswerCommitTogether() {
		assertFaultWhileStoringTheAnswerLosesNothing("raise exception 'injected fault: the answer could not be stored'");
	}

	/**
	 * As above, but the connection itself dies at that moment (the database primary crashed): the
	 * rollback fails too, and the success the call had prepared must still never reach the caller.
	 */
	@Test
	void aConnectionLostWhileStoringTheAnswerIsAFailureNotASuccess() {
		assertFaultWhileStoringTheAnswerLosesNothing("perform pg_terminate_backend(pg_backend_pid())");
	}

	/**
	 * The call's work and its key's stored answer commit together. Injected fault: the database
	 * refuses to store this one key's answer, as when the instance dies, or the primary fails over,
	 * between the work and that update. The work must then not stay done either, or the retry would
	 * run again and be refused ALREADY_ACTIVE for what the first attempt did.
	 */
	void assertFaultWhileStoringTheAnswerLosesNothing(String fault) {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		String key = "store-fails-" + card.cardNumber();
		String function = "refuse_answer_" + card.cardNumber().toLowerCase();
		this.jdbc.execute("create function " + function + "() returns trigger language plpgsql as $$ begin " + fault
				+ "; return new; end $$");
		this.jdbc.execute("create trigger " + function + " before update on idempotency_keys for each row when "
				+ "(new.idempotency_key = '" + key + "' and new.state = 'COMPLETED') execute function " + function + "()");
		Response first;
		try {
			first = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", key));
		}
		finally {
			this.jdbc.execute("drop trigger " + function + " on idempotency_keys");
			this.jdbc.execute("drop function " + function + "()");
		}
		assertThat(first.status()).as(first.body()).isGreaterThanOrEqualTo(500);
		assertThat(first.header("content-type")).startsWith("application/problem+json");
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");

		Response retry = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", key));

		assertThat(retry.status()).as(retry.body()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(socialSecurityStatus(card)).isEqualTo("ACTIVE");
		assertThat(events(card, "ACTIVATED")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "reuse-1"));

		Response other = this.api.post(path(card), window,
				Map.of("currentPin", "123456", "newPin", "731946", "phone", "13812345678"), Map.of("Idempotency-Key", "reuse-1"));

		assertThat(other.status()).isEqualTo(422);
		assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void keysAreScopedPerCaller() {
		TestCard card = this.given.card("440305", null);
		String one = this.given.window("HOSPITAL", "440305");
		String another = this.given.window("HOSPITAL", "440305");
		this.api.post(path(card), one, ACTIVATE, Map.of("Idempotency-Key", "shared-key"));

		Response response = this.api.post(path(card), another, ACTIVATE, Map.of("Idempotency-Key", "shared-key"));

		assertThat(response.header("Idempotent-Replayed")).isNull();
		assertThat(response.code()).isEqualTo("ALREADY_ACTIVE");
	}

	@Test
	void aKeyStillInProgressIsInUseAndAnAbandonedOneIsTakenOver() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		String caller = callerOf(window);
		byte[] hash = new byte[32];
		this.jdbc.update("insert into idempotency_keys (caller, idempotency_key, request_hash, state, lease_until) "
				+ "values (?, 'busy', ?, 'IN_PROGRESS', now() + interval '1 minute')", caller, hash);
		this.jdbc.update("insert into idempotency_keys (caller, idempotency_key, request_hash, state, lease_until) "
				+ "values (?, 'crashed', ?, 'IN_PROGRESS', now() - interval '1 second')", caller, hash);

		Response busy = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "busy"));
		Response crashed = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "crashed"));

		assertThat(busy.status()).isEqualTo(409);
		assertThat(busy.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
		assertThat(crashed.status()).isEqualTo(422);
		assertThat(crashed.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void anAbandonedKeyWithTheSameBodyRunsAgain() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		String caller = callerOf(window);
		Response first = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "again"));
		this.jdbc.update("update idempotency_keys set state = 'IN_PROGRESS', response_status = null, "
				+ "lease_until = now() - interval '1 second' where caller = ? and idempotency_key = 'again'", caller);

		Response retry = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "again"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(retry.code()).isEqualTo("ALREADY_ACTIVE");
	}

	@Test
	void aRefusalBeforeTheControllerRanIsNotReplayed() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");
		String body = "{\"currentPin\":\"123456\",\"newPin\":\"802514\",\"phone\":\"13812345678\"}";

		Response wrongType = this.api.send("POST", path(card), window, "text/plain", body,
				Map.of("Idempotency-Key", "media-1"));
		Response retry = this.api.send("POST", path(card), window, "application/json", body,
				Map.of("Idempotency-Key", "media-1"));

		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(events(card, "ACTIVATED")).isEqualTo(1);
	}

	@Test
	void aMalformedKeyIsRefused() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("HOSPITAL", "440305");

		Response tooLong = this.api.post(path(card), window, ACTIVATE, Map.of("Idempotency-Key", "k".repeat(256)));

		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(tooLong.text("/errors/0/field")).isEqualTo("Idempotency-Key");
		assertThat(this.api.get(card.path(""), window).text("/socialSecurityAccount/status")).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void keysOlderThanADayArePurged() {
		Instant old = Instant.now().minus(25, ChronoUnit.HOURS);
		this.jdbc.update("insert into idempotency_keys (caller, idempotency_key, request_hash, state, response_status, "
				+ "created_at, lease_until) values ('someone', 'old-key', ?, 'COMPLETED', 200, ?, ?)", new byte[32],
				Timestamp.from(old), Timestamp.from(old));

		this.purge.purge();

		assertThat(this.jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = 'old-key'",
				Integer.class)).isZero();
	}

	private String callerOf(String token) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
		return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
	}

}
