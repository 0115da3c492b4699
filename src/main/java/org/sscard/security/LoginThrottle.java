package org.sscard.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sscard.shared.CallerNames;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ErrorHandoff;

/**
 * Slows down password guessing at the token endpoint. Failed sign-ins are counted in PostgreSQL
 * (so every instance sees them) per username and address, per address, and per username. Past
 * its free attempts a subject must wait 1 s, then 2 s, 4 s ... at most a minute, and is answered
 * 429 meanwhile.
 * <ul>
 * <li>Every attempt is counted <em>before</em> its password is checked, in one transaction that
 * locks the three counters, and refunded if it succeeds: a burst of parallel guesses gets exactly
 * as many password checks as are due, not one per request thread.</li>
 * <li>The (username, address) and address counts block hard. The per-username count, which an
 * attacker anywhere can raise, delays only a (username, address) pair that has failed a few
 * times itself ({@code sscard.login.own-failures-before-user-limit}): an attacker elsewhere
 * cannot keep a real operator out of the console.</li>
 * </ul>
 * A quiet quarter of an hour forgets the count.
 */
@Component
class LoginThrottle {

	private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	private static final long MAX_DELAY_SECONDS = 60;

	/** The per-username delay only slows a guesser down; it never grows past this. */
	private static final long MAX_USER_DELAY_SECONDS = 10;

	/** Stands for every name no one can have (control characters, undecodable bytes, too long). */
	private static final String UNACCEPTABLE_NAME = "~unacceptable~";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final int freePerUserAndAddress;

	private final int freePerAddress;

	private final int freePerUser;

	private final int ownFailuresBeforeUserLimit;

	private final io.micrometer.core.instrument.Counter throttled;

	LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry meters, LoginProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.freePerUserAndAddress = properties.freeAttemptsPerUserAndAddress();
		this.freePerAddress = properties.freeAttemptsPerAddress();
		this.freePerUser = properties.freeAttemptsPerUser();
		this.ownFailuresBeforeUserLimit = properties.ownFailuresBeforeUserLimit();
		this.throttled = io.micrometer.core.instrument.Counter.builder("sscard.signin.throttled")
			.description("Sign-ins answered 429 by the failed-sign-in throttle")
			.register(meters);
	}

	/** A sign-in attempt, counted as a failure until it is known to have succeeded. */
	record Attempt(String pair, String address, String user, Duration retryAfter) {

		boolean refused() {
			return !this.retryAfter.isZero();
		}

	}

	private record Counter(int failures, long waitSeconds) {
	}

	/** Counts this attempt before its password is checked, or says how long it must wait. */
	Attempt reserve(String username, String address) {
		String pair = "pair:" + username + "|" + address;
		String addr = "addr:" + address;
		String user = "user:" + username;
		return this.transaction.execute((status) -> {
			Map<String, Counter> counters = lock(pair, addr, user);
			Counter ownCount = counters.get(pair);
			long wait = Math.max(ownCount.waitSeconds(), counters.get(addr).waitSeconds());
			if (ownCount.failures() >= this.ownFailuresBeforeUserLimit) {
				wait = Math.max(wait, counters.get(user).waitSeconds());
			}
			if (wait > 0) {
				return new Attempt(pair, addr, user, Duration.ofSeconds(wait));
			}
			count(pair, counters.get(pair).failures() + 1, this.freePerUserAndAddress, MAX_DELAY_SECONDS);
			count(addr, counters.get(addr).failures() + 1, this.freePerAddress, MAX_DELAY_SECONDS);
			count(user, counters.get(user).failures() + 1, this.freePerUser, MAX_USER_DELAY_SECONDS);
			return new Attempt(pair, addr, user, Duration.ZERO);
		});
	}

	/**
	 * Locks the three counters (creating missing ones) in one statement, in a fixed order so that
	 * concurrent sign-ins never deadlock, and reads them.
	 */
	private Map<String, Counter> lock(String... subjects) {
		List<String> sorted = List.of(subjects).stream().sorted().toList();
		Map<String, Counter> counters = new TreeMap<>();
		this.jdbc.query("insert into login_failures (subject, failures, last_failure_at, blocked_until) values "
				+ "(?, 0, now(), now()), (?, 0, now(), now()), (?, 0, now(), now()) "
				+ "on conflict (subject) do update set subject = excluded.subject returning subject, "
				+ "case when last_failure_at < now() - make_interval(secs => ?) then 0 else failures end as failures, "
				+ "ceil(greatest(extract(epoch from blocked_until - now()), 0))::bigint as wait_seconds", (rs) -> {
					counters.put(rs.getString("subject"), new Counter(rs.getInt("failures"), rs.getLong("wait_seconds")));
				}, sorted.get(0), sorted.get(1), sorted.get(2), FORGET_AFTER.toSeconds());
		return counters;
	}

	private void count(String subject, int failures, int free, long maxDelaySeconds) {
		long delay = (failures >= free) ? Math.min(maxDelaySeconds, 1L << Math.min(failures - free, 10)) : 0;
		this.jdbc.update("update login_failures set failures = ?, last_failure_at = now(), "
				+ "blocked_until = now() + make_interval(secs => ?) where subject = ?", failures, delay, subject);
	}

	/** The attempt succeeded: the pair starts afresh and the other counts get their attempt back. */
	void succeeded(Attempt attempt) {
		this.jdbc.update("delete from login_failures where subject = ?", attempt.pair());
		refund(attempt.address(), this.freePerAddress);
		refund(attempt.user(), this.freePerUser);
	}

	/** The attempt ended without the password being found wrong (e.g. the database failed). */
	void notCounted(Attempt attempt) {
		refund(attempt.pair(), this.freePerUserAndAddress);
		refund(attempt.address(), this.freePerAddress);
		refund(attempt.user(), this.freePerUser);
	}

	private void refund(String subject, int free) {
		this.jdbc.update("update login_failures set failures = greatest(failures - 1, 0), blocked_until = case "
				+ "when failures - 1 < ? then least(blocked_until, now()) else blocked_until end where subject = ?",
				free, subject);
	}

	@Scheduled(fixedDelay = 900_000, initialDelay = 900_000)
	void forgetQuietSubjects() {
		this.jdbc.update("delete from login_failures where last_failure_at < ?",
				Timestamp.from(Instant.now().minus(FORGET_AFTER)));
	}

	/** Runs in front of HTTP Basic authentication on the token endpoint. */
	static final class Filter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		private final ErrorHandoff errors;

		Filter(LoginThrottle throttle, ErrorHandoff errors) {
			this.throttle = throttle;
			this.errors = errors;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String username = basicUsername(request);
			if (username == null) {
				chain.doFilter(request, response);
				return;
			}
			String address = request.getRemoteAddr();
			address = address.substring(0, Math.min(address.length(), 100));
			Attempt attempt = this.throttle.reserve(username, address);
			if (attempt.refused()) {
				this.throttle.throttled.increment();
				long seconds = attempt.retryAfter().toSeconds();
				this.errors.answer(request, response, new DomainException(ErrorCode.TOO_MANY_REQUESTS,
						"Too many failed sign-ins; try again in " + seconds + " s.", Map.of(),
						Map.of("Retry-After", Long.toString(seconds)), null));
				return;
			}
			boolean counted = false;
			try {
				chain.doFilter(request, response);
				if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
					counted = true;
				}
				else if (response.getStatus() == HttpServletResponse.SC_OK) {
					this.throttle.succeeded(attempt);
					counted = true;
				}
			}
			finally {
				if (!counted) {
					refundQuietly(attempt);
				}
			}
		}

		private void refundQuietly(Attempt attempt) {
			try {
				this.throttle.notCounted(attempt);
			}
			catch (DataAccessException ex) {
				// The database is unreachable: the attempt stays counted, which errs on the safe side.
			}
		}

		/** The username of an HTTP Basic header, lower-cased, or null. Never the password. */
		private static String basicUsername(HttpServletRequest request) {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
				return null;
			}
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				String username = ((colon >= 0) ? decoded.substring(0, colon) : decoded).toLowerCase(Locale.ROOT);
				return CallerNames.acceptable(username) ? username : UNACCEPTABLE_NAME;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
