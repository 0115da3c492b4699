package org.sscard.card.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a temporary loss report lasts before it lapses by itself, and how often lapsed ones
 * are looked for. Cities differ (7, 10 and 15 days are seen), so the period can be set per
 * province (2-digit region prefix) or city (4-digit prefix); the longest matching prefix wins.
 *
 * @param temporaryPeriod the period where no prefix matches ({@code sscard.loss.temporary-period})
 * @param temporaryPeriodByRegion periods by 2- or 4-digit region prefix
 * @param lapseCheckInterval how often the lapse job runs: a lapsed report ends at most this long
 * after its period
 */
@ConfigurationProperties("sscard.loss")
public record LossProperties(@DefaultValue("15d") Duration temporaryPeriod,
		Map<String, Duration> temporaryPeriodByRegion, @DefaultValue("1m") Duration lapseCheckInterval) {

	public LossProperties {
		temporaryPeriodByRegion = (temporaryPeriodByRegion != null) ? Map.copyOf(temporaryPeriodByRegion) : Map.of();
		temporaryPeriodByRegion.forEach((prefix, period) -> {
			if (!prefix.matches("[0-9]{2}|[0-9]{4}")) {
				throw new IllegalStateException("Setting sscard.loss.temporary-period-by-region: '" + prefix
						+ "' is not a 2-digit (province) or 4-digit (city) region prefix.");
			}
			positive("sscard.loss.temporary-period-by-region." + prefix, period);
		});
		positive("sscard.loss.temporary-period", temporaryPeriod);
		positive("sscard.loss.lapse-check-interval", lapseCheckInterval);
	}

	private static void positive(String setting, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalStateException("Setting " + setting + " must be a positive duration (e.g. 15d).");
		}
	}

	/** The period of a temporary report on a card insured in {@code regionCode}: the longest prefix wins. */
	public Duration temporaryPeriod(String regionCode) {
		Duration city = this.temporaryPeriodByRegion.get(regionCode.substring(0, 4));
		if (city != null) {
			return city;
		}
		return this.temporaryPeriodByRegion.getOrDefault(regionCode.substring(0, 2), this.temporaryPeriod);
	}

}
