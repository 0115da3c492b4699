package org.sscard.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ErrorHandoff;

/**
 * Cross-origin calls are allowed only from the configured console origins
 * ({@code SSCARD_CORS_ALLOWED_ORIGINS}); by default from none. A refused cross-origin request is
 * answered with problem details like every other refusal.
 */
final class CorsPolicy {

	private CorsPolicy() {
	}

	static CorsFilter filter(List<String> allowedOrigins, ErrorHandoff errors) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(allowedOrigins);
			configuration.setAllowedMethods(List.of("GET", "POST"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
			configuration.setExposedHeaders(List.of("Idempotent-Replayed", "Retry-After", "WWW-Authenticate", "X-Trace-Id"));
			configuration.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/**", configuration);
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new Refusing(errors));
		return filter;
	}

	/** Spring's checks; a refusal is answered by the error translator instead of an empty 403. */
	private static final class Refusing implements CorsProcessor {

		private final DefaultCorsProcessor checks = new DefaultCorsProcessor() {

			@Override
			protected void rejectRequest(ServerHttpResponse response) {
				// answered below
			}

		};

		private final ErrorHandoff errors;

		Refusing(ErrorHandoff errors) {
			this.errors = errors;
		}

		@Override
		public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			boolean allowed = this.checks.processRequest(configuration, request, response);
			if (!allowed) {
				this.errors.answer(request, response, new DomainException(ErrorCode.FORBIDDEN,
						"Cross-origin calls are not allowed from this origin."));
			}
			return allowed;
		}

	}

}
