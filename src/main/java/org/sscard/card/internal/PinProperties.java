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
 * @param maxAttemptsByRegion the same per insured region: a 2-digit (province) or 4-digit (city)
 * GB/T 2260 prefix to a count; the longest prefix of the card's insured region wins
 */
@ConfigurationProperties("sscard.pin")
public record PinProperties(String key, @DefaultValue("k1") String keyId, Map<String, String> retiredKeys,
		@DefaultValue("3") int maxAttempts, Map<String, Integer> maxAttemptsByRegion) {

	public PinProperties {
		if (key == null || key.isBlank()) {
			throw new IllegalStateException("Missing setting sscard.pin.key (environment variable SSCARD_PIN_KEY): "
					+ "the base64 HMAC key, at least 32 bytes, under which PINs are hashed.");
		}
		if (maxAttempts < 1) {
			throw new IllegalStateException("Setting sscard.pin.max-attempts must be at least 1.");
		}
		retiredKeys = (retiredKeys != null) ? Map.copyOf(retiredKeys) : Map.of();
		maxAttemptsByRegion = (maxAttemptsByRegion != null) ? Map.copyOf(maxAttemptsByRegion) : Map.of();
		maxAttemptsByRegion.forEach((prefix, count) -> {
			if (!prefix.matches("\\d{2}|\\d{4}") || count == null || count < 1) {
				throw new IllegalStateException("Setting sscard.pin.max-attempts-by-region." + prefix
						+ " must map a 2- or 4-digit region prefix to a count of at least 1.");
			}
		});
	}

	/** The threshold for a card insured in {@code regionCode}: its city's, else its province's, else the default. */
	int maxAttemptsIn(String regionCode) {
		Integer city = this.maxAttemptsByRegion.get(regionCode.substring(0, 4));
		if (city != null) {
			return city;
		}
		return this.maxAttemptsByRegion.getOrDefault(regionCode.substring(0, 2), this.maxAttempts);
	}

	@Override
	public String toString() {
		return "PinProperties[keyId=" + this.keyId + ", maxAttempts=" + this.maxAttempts + ", maxAttemptsByRegion="
				+ this.maxAttemptsByRegion + "]";
	}

}
