package org.sscard.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins origins of separately hosted consoles allowed to call the API from a
 * browser ({@code SSCARD_CORS_ALLOWED_ORIGINS}, comma-separated); none by default
 */
@ConfigurationProperties("sscard.cors")
record CorsProperties(List<String> allowedOrigins) {

	CorsProperties {
		allowedOrigins = (allowedOrigins != null)
				? allowedOrigins.stream().filter((origin) -> !origin.isBlank()).toList() : List.of();
	}

}
