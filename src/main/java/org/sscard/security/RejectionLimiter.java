package org.sscard.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ErrorHandoff;
import org.sscard.shared.ErrorTranslator;

/**
 * Limits how many business rejections (409, 422, 423) one caller may collect on card calls:
 * each leaves an audit event on the card and tells the caller something, so a client that does
 * nothing but get refused (probing PINs or identities across cards, or filling a card's audit
 * trail) is answered 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After} instead. A token
 * bucket per caller and per instance: {@code sscard.rejections.per-minute} rejections at once,
 * refilled at that rate. Successful calls are never limited.
 */
@Component
// After authentication (the caller is known) and the body checks, before idempotency replays.
@Order(-40)
class RejectionLimiter extends OncePerRequestFilter {

	private static final int MAX_CALLERS = 100_000;

	private final ErrorHandoff errors;

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RejectionLimiter(ErrorHandoff errors, RejectionProperties properties) {
		this.errors = errors;
		this.perMinute = properties.perMinute();
		this.clock = Clock.systemUTC();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/v1/cards/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		if (this.buckets.size() > MAX_CALLERS) {
			// Crude but bounded; full buckets (quiet callers) are the ones that matter least.
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.computeIfAbsent(authentication.getName(),
				(name) -> new Bucket(this.perMinute, this.clock.millis()));
		long waitMillis = bucket.waitMillis(this.clock.millis());
		if (waitMillis > 0) {
			long seconds = Math.max(1, (waitMillis + 999) / 1000);
			this.errors.answer(request, response, new DomainException(ErrorCode.TOO_MANY_REQUESTS,
					"Too many refused calls; try again in " + seconds + " s.", Map.of(),
					Map.of("Retry-After", Long.toString(seconds)), null));
			return;
		}
		chain.doFilter(request, response);
		int status = response.getStatus();
		if ((status == 409 || status == 422 || status == 423) && !aboutTheKey(request)) {
			bucket.take(this.clock.millis());
		}
	}

	/**
	 * Refusals of the Idempotency-Key itself are not business rejections: they leave no audit event
	 * and tell nothing about a card, and a client retrying a call still in progress (as it must after a
	 * timeout or a failover) would otherwise be throttled for doing the right thing.
	 */
	private static boolean aboutTheKey(HttpServletRequest request) {
		Object code = request.getAttribute(ErrorTranslator.ERROR_CODE);
		return code == ErrorCode.IDEMPOTENCY_KEY_IN_USE || code == ErrorCode.IDEMPOTENCY_KEY_REUSED;
	}

	private static final class Bucket {

		private final double capacity;

		private double tokens;

		private long updated;

		Bucket(int capacity, long now) {
			this.capacity = capacity;
			this.tokens = capacity;
			this.updated = now;
		}

		synchronized long waitMillis(long now) {
			refill(now);
			return (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) * 60_000 / this.capacity);
		}

		synchronized void take(long now) {
			refill(now);
			this.tokens = Math.max(0, this.tokens - 1);
		}

		private void refill(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.capacity / 60_000);
			this.updated = now;
		}

	}

}
