package org.sscard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses tokens valid for longer than {@code sscard.jwt.max-validity}: from {@code iat} to
 * {@code exp}, or from now to {@code exp} when the token does not say when it was issued.
 */
final class MaxValidity implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error TOO_LONG = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The token is valid for longer than this service accepts", null);

	private final Duration max;

	private final Clock clock;

	MaxValidity(Duration max, Clock clock) {
		this.max = max;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Instant expires = token.getExpiresAt();
		if (expires == null) {
			return OAuth2TokenValidatorResult.failure(TOO_LONG);
		}
		Instant from = (token.getIssuedAt() != null) ? token.getIssuedAt() : this.clock.instant();
		return Duration.between(from, expires).compareTo(this.max) > 0 ? OAuth2TokenValidatorResult.failure(TOO_LONG)
				: OAuth2TokenValidatorResult.success();
	}

}
