package org.sscard.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are issued and checked.
 *
 * @param secret HMAC-SHA-256 key of the built-in token endpoint, at least 32 bytes
 * ({@code SSCARD_JWT_SECRET}); required unless an external identity provider is configured
 * @param issuer the {@code iss} of issued tokens, and the one required of incoming tokens
 * @param ttl lifetime of an issued token
 * @param jwkSetUri when set, tokens come from the organisation's identity provider and are
 * checked against its JWK set instead ({@code SSCARD_JWT_JWK_SET_URI})
 * @param audience the {@code aud} of issued tokens, and the one incoming tokens must name
 * ({@code SSCARD_JWT_AUDIENCE}): a token the identity provider made for another service is not
 * valid here
 * @param maxValidity the longest lifetime an incoming token may have ({@code exp - iat}, or
 * {@code exp - now} without {@code iat}), so that a stolen long-lived token is useless
 * ({@code SSCARD_JWT_MAX_VALIDITY})
 */
@ConfigurationProperties("sscard.jwt")
public record JwtProperties(String secret, @DefaultValue("sscard") String issuer,
		@DefaultValue("15m") Duration ttl, String jwkSetUri, @DefaultValue("sscard") String audience,
		@DefaultValue("1h") Duration maxValidity) {

	public JwtProperties {
		if (audience == null || audience.isBlank()) {
			throw new IllegalStateException("Setting sscard.jwt.audience (SSCARD_JWT_AUDIENCE) must not be empty.");
		}
		if (ttl.compareTo(maxValidity) > 0) {
			throw new IllegalStateException("Setting sscard.jwt.ttl (" + ttl + ") is longer than sscard.jwt.max-validity ("
					+ maxValidity + "): the service would refuse its own tokens.");
		}
		if (!external(jwkSetUri)) {
			if (secret == null || secret.isBlank()) {
				throw new IllegalStateException("Missing setting sscard.jwt.secret (environment variable SSCARD_JWT_SECRET): "
						+ "the key that signs access tokens, at least 32 bytes; or set sscard.jwt.jwk-set-uri "
						+ "to trust an external identity provider instead.");
			}
			if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
				throw new IllegalStateException("Setting sscard.jwt.secret (SSCARD_JWT_SECRET) is too short: "
						+ "HMAC-SHA-256 needs at least 32 bytes.");
			}
		}
	}

	public boolean usesExternalIssuer() {
		return external(this.jwkSetUri);
	}

	private static boolean external(String jwkSetUri) {
		return jwkSetUri != null && !jwkSetUri.isBlank();
	}

	@Override
	public String toString() {
		return "JwtProperties[issuer=" + this.issuer + ", audience=" + this.audience + ", ttl=" + this.ttl
				+ ", maxValidity=" + this.maxValidity + ", jwkSetUri=" + this.jwkSetUri + "]";
	}

}
