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

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorHandoff;

/**
 * Slows down password guessing at the token endpoint: failed sign-ins are counted in PostgreSQL
 * (so every instance sees them) per username and address, per address, and per username.
 * Past its free attempts a subject must wait 1 s, then 2 s, 4 s ... at most a minute, and is
 * answered 429 meanwhile. Counting per username <em>and</em> address keeps an attacker elsewhere
 * from locking a real operator out; the per-username count, with more free attempts, still
 * slows a guesser who spreads over many addresses. A quiet quarter of an hour forgets the count.
 */
@Component
class LoginThrottle {

	private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	private static final Duration MAX_DELAY = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final int freePerUserAndAddress;

	private final int freePerAddress;

	private final int freePerUser;

	LoginThrottle(JdbcTemplate jdbc, @Value("${sscard.login.free-attempts-per-user-and-address:10}") int freePerUserAndAddress,
			@Value("${sscard.login.free-attempts-per-address:100}") int freePerAddress,
			@Value("${sscard.login.free-attempts-per-user:50}") int freePerUser) {
		this.jdbc = jdbc;
		this.freePerUserAndAddress = freePerUserAndAddress;
		this.freePerAddress = freePerAddress;
		this.freePerUser = freePerUser;
	}

	/** How long this sign-in must wait; zero when it may go ahead. */
	Duration waitFor(String username, String address) {
		List<Timestamp> blocks = this.jdbc.queryForList(
				"select blocked_until from login_failures where subject in (?, ?, ?) and blocked_until > now()",
				Timestamp.class, pair(username, address), "addr:" + address, "user:" + username);
		Instant now = Instant.now();
		return blocks.stream()
			.map((until) -> Duration.between(now, until.toInstant()))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	void failed(String username, String address) {
		count(pair(username, address), this.freePerUserAndAddress);
		count("addr:" + address, this.freePerAddress);
		count("user:" + username, this.freePerUser);
	}

	void succeeded(String username, String address) {
		this.jdbc.update("delete from login_failures where subject = ?", pair(username, address));
	}

	private void count(String subject, int free) {
		Integer failures = this.jdbc.queryForObject("insert into login_failures (subject, failures, last_failure_at, "
				+ "blocked_until) values (?, 1, now(), now()) on conflict (subject) do update set failures = case when "
				+ "login_failures.last_failure_at < now() - make_interval(secs => ?) then 1 else login_failures.failures + 1 end, "
				+ "last_failure_at = now() returning failures", Integer.class, subject, FORGET_AFTER.toSeconds());
		if (failures != null && failures >= free) {
			long delay = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(failures - free, 10));
			this.jdbc.update("update login_failures set blocked_until = now() + make_interval(secs => ?) where subject = ?",
					delay, subject);
		}
	}

	@Scheduled(fixedDelay = 900_000, initialDelay = 900_000)
	void forgetQuietSubjects() {
		this.jdbc.update("delete from login_failures where last_failure_at < ?",
				Timestamp.from(Instant.now().minus(FORGET_AFTER)));
	}

	private static String pair(String username, String address) {
		return "pair:" + username + "|" + address;
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
			Duration wait = this.throttle.waitFor(username, address);
			if (!wait.isZero() && !wait.isNegative()) {
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				this.errors.answer(request, response, new DomainException(ErrorCode.TOO_MANY_REQUESTS,
						"Too many failed sign-ins; try again in " + seconds + " s.", Map.of(),
						Map.of("Retry-After", Long.toString(seconds)), null));
				return;
			}
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
				this.throttle.failed(username, address);
			}
			else if (response.getStatus() == HttpServletResponse.SC_OK) {
				this.throttle.succeeded(username, address);
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
				String username = (colon >= 0) ? decoded.substring(0, colon) : decoded;
				return username.substring(0, Math.min(username.length(), 128)).toLowerCase(Locale.ROOT);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
