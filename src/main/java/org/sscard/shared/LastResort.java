package org.sscard.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a failure that escapes everything else (a servlet filter, the security
 * chain) still answers with problem details, 503 when the database is unreachable, 500
 * otherwise, and never with a stack trace or the container's error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LastResort extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LastResort.class);

	private final ProblemWriter problems;

	LastResort(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (Failures.databaseUnavailable(ex)) {
				log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
				this.problems.write(response, ErrorCode.SERVICE_UNAVAILABLE, Failures.UNAVAILABLE_DETAIL);
			}
			else {
				log.error("Unhandled failure", ex);
				this.problems.write(response, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side.");
			}
		}
	}

}
