package org.sscard.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ProblemWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-origin calls are allowed only from the configured console origins
 * ({@code SSCARD_CORS_ALLOWED_ORIGINS}); by default from none. A refused cross-origin request is
 * answered with problem details like every other refusal.
 */
final class CorsPolicy {

	private CorsPolicy() {
	}

	static CorsFilter filter(List<String> allowedOrigins, JsonMapper json) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!allowedOrigins.isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(allowedOrigins);
			configuration.setAllowedMethods(List.of("GET", "POST"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key"));
			configuration.setExposedHeaders(List.of("Idempotent-Replayed", "Retry-After", "WWW-Authenticate"));
			configuration.setMaxAge(3600L);
			source.registerCorsConfiguration("/api/**", configuration);
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new DefaultCorsProcessor() {

			@Override
			protected void rejectRequest(ServerHttpResponse response) throws IOException {
				response.setStatusCode(HttpStatus.FORBIDDEN);
				response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
				response.getBody()
					.write(json.writeValueAsString(ProblemWriter.problem(ErrorCode.FORBIDDEN,
							"Cross-origin calls are not allowed from this origin."))
						.getBytes(StandardCharsets.UTF_8));
				response.flush();
			}

		});
		return filter;
	}

}
