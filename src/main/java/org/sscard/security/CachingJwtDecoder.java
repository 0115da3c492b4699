package org.sscard.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified. A counter or a channel backend sends the same token
 * with every call for fifteen minutes; parsing its JSON and checking its signature again each
 * time was a tenth of the CPU an activation cost. The key is the whole token, signature
 * included, so only a token byte-for-byte identical to a verified one is taken from here, and
 * only until it expires.
 */
final class CachingJwtDecoder implements JwtDecoder {

	private static final int MAX_TOKENS = 10_000;

	private final JwtDecoder delegate;

	private final Clock clock;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.verified.get(token);
		if (jwt != null && jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(this.clock.instant())) {
			return jwt;
		}
		if (jwt != null) {
			this.verified.remove(token);
		}
		jwt = this.delegate.decode(token);
		if (jwt.getExpiresAt() != null) {
			if (this.verified.size() >= MAX_TOKENS) {
				// Crude but bounded: tokens live fifteen minutes, so the cache refills quickly.
				this.verified.clear();
			}
			this.verified.put(token, jwt);
		}
		return jwt;
	}

}
