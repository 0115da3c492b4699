package org.sscard.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.sscard.idempotency.IdempotencyStore.Claim;
import org.sscard.idempotency.IdempotencyStore.InUse;
import org.sscard.idempotency.IdempotencyStore.Replay;
import org.sscard.idempotency.IdempotencyStore.Reused;
import org.sscard.shared.BufferedBody;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorHandoff;
import org.sscard.shared.ErrorTranslator;

/**
 * {@code Idempotency-Key} on POST: the same caller sending the same key and body again within
 * 24 hours gets the first status and body back with {@code Idempotent-Replayed: true}, and the
 * work is not done twice. Runs after authentication (keys are scoped per caller) and before the
 * controllers. The token endpoint is exempt from storage: a replay would keep a bearer token in
 * the database, and issuing a second token does no harm. Only answers of a controller (its result
 * or the failure it raised) are stored; a refusal before it ran (unsupported media type, unreadable
 * body, ...) changed nothing and is not replayed.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private final IdempotencyStore store;

	private final PlatformTransactionManager transactions;

	private final ErrorHandoff errors;

	private final Counter replays;

	IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions, ErrorHandoff errors,
			MeterRegistry meters) {
		this.store = store;
		this.transactions = transactions;
		this.errors = errors;
		this.replays = Counter.builder("sscard.idempotency.replays")
			.description("POSTs answered with the stored first answer of their Idempotency-Key")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (!KEY.matcher(key).matches()) {
			this.errors.answer(request, response, new DomainException(ErrorCode.VALIDATION_FAILED,
					"The Idempotency-Key header is not valid.", Map.of("errors",
							List.of(Map.of("field", HEADER, "message", "must be 1 to 255 printable ASCII characters")))));
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| request.getRequestURI().equals("/api/v1/auth/token")) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (IOException ex) {
			this.errors.answer(request, response,
					new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 16384 bytes."));
			return;
		}
		String caller = authentication.getName();
		Claim claim = this.store.claim(caller, key, hash(request, body));
		if (claim instanceof Replay replay) {
			this.replays.increment();
			replay(response, replay);
		}
		else if (claim instanceof InUse) {
			this.errors.answer(request, response, new DomainException(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
					"A request with this Idempotency-Key is still being processed; retry in a moment."));
		}
		else if (claim instanceof Reused) {
			this.errors.answer(request, response, new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used with a different request; use a new key."));
		}
		else {
			proceed(new CachedBody(request, body), response, chain, caller, key);
		}
	}

	/**
	 * Runs the call in a transaction that the call's own work joins, and stores its answer in that
	 * same transaction: the work and "this key was answered so" commit together or not at all. A
	 * crash or a database failover between the two can then no longer leave work done under a key
	 * that a retry would run again (and be refused, say {@code ALREADY_ACTIVE}, for what it did
	 * itself). The answer is held back until the commit; if the commit fails the caller gets that
	 * failure instead, and a retry with the key finds either the stored answer or nothing done.
	 */
	private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
			String key) throws IOException, ServletException {
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		TransactionStatus transaction = this.transactions.getTransaction(TransactionDefinition.withDefaults());
		boolean completed = false;
		boolean answered = false;
		try {
			chain.doFilter(request, captured);
			// Answers Spring gave before the controller ran (415, 406, 400 for the body, ...) did
			// nothing: a retry, say with the right Content-Type, must run rather than replay them.
			boolean storable = captured.getStatus() < 500
					&& request.getAttribute(ErrorTranslator.REFUSED_BEFORE_HANDLER) == null;
			if (transaction.isRollbackOnly() && captured.getStatus() < 400) {
				// The work was rolled back under an answer of success (a participant marked it
				// rollback-only and carried on): that answer must not reach the caller.
				throw new UnexpectedRollbackException("The call's transaction was rolled back");
			}
			if (transaction.isRollbackOnly() || !storable) {
				// The work refused itself by rolling back (or failed): it changed nothing, so the
				// answer is stored on its own, after the rollback.
				this.transactions.rollback(transaction);
			}
			if (storable) {
				complete(caller, key, captured);
				if (!transaction.isCompleted()) {
					this.transactions.commit(transaction);
				}
				completed = true;
			}
			answered = true;
		}
		catch (RuntimeException ex) {
			// Whatever the call had answered is void (a failed commit, a lost connection): the caller
			// gets this failure instead, and a retry with the key finds the work done and answered,
			// or neither.
			rollbackQuietly(transaction);
			captured.reset();
			this.errors.answer(request, captured, ex);
			answered = true;
		}
		finally {
			rollbackQuietly(transaction);
			if (!completed) {
				releaseQuietly(caller, key);
			}
			if (answered) {
				captured.copyBodyToResponse();
			}
		}
	}

	private void rollbackQuietly(TransactionStatus transaction) {
		if (transaction.isCompleted()) {
			return;
		}
		try {
			this.transactions.rollback(transaction);
		}
		catch (RuntimeException ex) {
			// The connection is gone: so is the transaction, which the database rolls back.
		}
	}

	private void complete(String caller, String key, ContentCachingResponseWrapper captured) {
		this.store.complete(caller, key, captured.getStatus(), captured.getContentType(),
				new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	private void releaseQuietly(String caller, String key) {
		try {
			this.store.release(caller, key);
		}
		catch (DataAccessException ex) {
			// The database is unreachable: the lease runs out and a retry takes the key over.
		}
	}

	private static void replay(HttpServletResponse response, Replay replay) throws IOException {
		response.setStatus(replay.status());
		if (replay.contentType() != null) {
			response.setContentType(replay.contentType());
		}
		response.setHeader("Idempotent-Replayed", "true");
		if (replay.body() != null) {
			response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static byte[] hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
			return digest.digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The request with its body already read, so that the controller can read it again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BufferedBody(this.body);
		}

	}

}
