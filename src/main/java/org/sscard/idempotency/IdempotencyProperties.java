package org.sscard.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code Idempotency-Key}s are kept.
 *
 * @param retention how long a key and its first answer are remembered
 * ({@code SSCARD_IDEMPOTENCY_RETENTION})
 * @param lease how long an attempt holds its key before a retry may take it over (an attempt
 * that crashed leaves its key behind)
 * @param purgeInterval how often keys older than the retention are purged
 */
@ConfigurationProperties("sscard.idempotency")
@Validated
record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration retention, @NotNull @DefaultValue("30s") Duration lease,
		@NotNull @DefaultValue("1h") Duration purgeInterval) {

	IdempotencyProperties {
		if (!positive(retention) || !positive(lease) || !positive(purgeInterval)) {
			throw new IllegalStateException(
					"Settings sscard.idempotency.retention, .lease and .purge-interval must be positive.");
		}
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
