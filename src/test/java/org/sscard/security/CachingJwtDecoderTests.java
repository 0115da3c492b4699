package org.sscard.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTests {

	static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

	final AtomicInteger decoded = new AtomicInteger();

	JwtDecoder verifying(Instant expiry) {
		return (token) -> {
			this.decoded.incrementAndGet();
			if (!token.startsWith("good")) {
				throw new BadJwtException("bad signature");
			}
			return Jwt.withTokenValue(token).header("alg", "HS256").subject("teller").expiresAt(expiry).build();
		};
	}

	@Test
	void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
		CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(NOW.plusSeconds(60)), Clock.fixed(NOW, ZoneOffset.UTC));

		decoder.decode("good.token");
		decoder.decode("good.token");

		assertThat(this.decoded).hasValue(1);
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndAnInvalidOneNeverRemembered() {
		CachingJwtDecoder expired = new CachingJwtDecoder(verifying(NOW.minusSeconds(1)), Clock.fixed(NOW, ZoneOffset.UTC));
		expired.decode("good.token");
		expired.decode("good.token");
		assertThat(this.decoded).hasValue(2);

		CachingJwtDecoder decoder = new CachingJwtDecoder(verifying(NOW.plusSeconds(60)), Clock.fixed(NOW, ZoneOffset.UTC));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged.token"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode("forged.token"));
		assertThat(this.decoded).hasValue(4);
	}

}
