package org.sscard.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.sscard.staff.Principal;

/** Signs short-lived access tokens that carry everything the service needs to know of a caller. */
class TokenIssuer {

	/**
	 * The principal's token generation when the token was issued: a change of the principal
	 * increments it, and tokens of an older generation are refused.
	 */
	static final String GENERATION = "gen";

	private final JwtEncoder encoder;

	private final JwtProperties properties;

	TokenIssuer(JwtEncoder encoder, JwtProperties properties) {
		this.encoder = encoder;
		this.properties = properties;
	}

	String issue(Principal principal) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.properties.issuer())
			.subject(principal.name())
			.audience(List.of(this.properties.audience()))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.ttl()))
			.claim(GENERATION, principal.tokenGeneration());
		if (principal.isChannelClient()) {
			claims.claim("role", CallerAuthentication.CHANNEL_CLIENT).claim("channel", principal.channel().name());
			if (principal.bankCode() != null) {
				claims.claim("bankCode", principal.bankCode());
			}
		}
		else {
			claims.claim("role", principal.role().name());
			if (principal.branchCode() != null) {
				claims.claim("branchCode", principal.branchCode());
			}
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	long ttlSeconds() {
		return this.properties.ttl().toSeconds();
	}

}
