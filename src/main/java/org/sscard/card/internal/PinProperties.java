package org.sscard.card.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How PINs are kept and guarded.
 *
 * @param key the active HMAC-SHA-256 key, base64, at least 32 bytes ({@code SSCARD_PIN_KEY});
 * held outside the database (a secret store or HSM in production)
 * @param keyId the id stored beside each hash, so keys can be rotated ({@code SSCARD_PIN_KEY_ID})
 * @param retiredKeys earlier keys by id, still able to verify the hashes made with them
 * @param maxAttempts consecutive PIN mismatches that lock an account
 */
@ConfigurationProperties("sscard.pin")
public record PinProperties(String key, @DefaultValue("k1") String keyId, Map<String, String> retiredKeys,
		@DefaultValue("3") int maxAttempts) {

	public PinProperties {
		if (key == null || key.isBlank()) {
			throw new IllegalStateException("Missing setting sscard.pin.key (environment variable SSCARD_PIN_KEY): "
					+ "the base64 HMAC key, at least 32 bytes, under which PINs are hashed.");
		}
		if (maxAttempts < 1) {
			throw new IllegalStateException("Setting sscard.pin.max-attempts must be at least 1.");
		}
		retiredKeys = (retiredKeys != null) ? Map.copyOf(retiredKeys) : Map.of();
	}

	@Override
	public String toString() {
		return "PinProperties[keyId=" + this.keyId + ", maxAttempts=" + this.maxAttempts + "]";
	}

}
