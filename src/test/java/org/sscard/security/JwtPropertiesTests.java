package org.sscard.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwtPropertiesTests {

	@Test
	void theSigningKeyIsRequiredUnlessAnExternalIssuerIsTrusted() {
		assertThatIllegalStateException().isThrownBy(() -> new JwtProperties(null, "sscard", Duration.ofMinutes(15), null, "sscard", Duration.ofHours(1)))
			.withMessageContaining("sscard.jwt.secret")
			.withMessageContaining("SSCARD_JWT_SECRET");
		assertThatIllegalStateException()
			.isThrownBy(() -> new JwtProperties("too-short", "sscard", Duration.ofMinutes(15), null, "sscard", Duration.ofHours(1)))
			.withMessageContaining("32 bytes");
		assertThat(new JwtProperties(null, "https://idp", Duration.ofMinutes(15), "https://idp/jwks", "sscard", Duration.ofHours(1)).usesExternalIssuer())
			.isTrue();
	}

}
