package org.sscard.card.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts identity mismatches per card in a sliding window, in PostgreSQL. Calls on one card run
 * one after the other (the card's row is locked), so the count is exact on any number of
 * instances; the database's clock is the only one used.
 */
@Component
public class IdentityCheckCounter {

	private final JdbcTemplate jdbc;

	private final Settings settings;

	IdentityCheckCounter(JdbcTemplate jdbc, Settings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The checks of this card; nothing is read until asked. */
	public IdentityChecks of(Card card) {
		Long cardId = card.id();
		return new IdentityChecks() {

			@Override
			public Duration blockedFor() {
				// The max-th most recent mismatch in the window: blocked until it leaves the window.
				List<Double> seconds = IdentityCheckCounter.this.jdbc.queryForList(
						"select extract(epoch from (occurred_at + make_interval(secs => ?) - now())) from identity_mismatches "
								+ "where card_id = ? and occurred_at > now() - make_interval(secs => ?) "
								+ "order by occurred_at desc offset ? limit 1",
						Double.class, window(), cardId, window(), IdentityCheckCounter.this.settings.maxMismatches() - 1);
				return seconds.isEmpty() ? null : Duration.ofMillis(Math.max(1000, (long) (seconds.get(0) * 1000)));
			}

			@Override
			public void countMismatch() {
				IdentityCheckCounter.this.jdbc.update("insert into identity_mismatches (card_id) values (?)", cardId);
			}

		};
	}

	private long window() {
		return this.settings.window().toSeconds();
	}

	/** Forgets mismatches that left the window. Idempotent, so safe on every instance at once. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void forgetOldMismatches() {
		this.jdbc.update("delete from identity_mismatches where occurred_at < now() - make_interval(secs => ?)", window());
	}

	/**
	 * @param maxMismatches mismatches on a card within the window after which channel clients are refused
	 * @param window how long a mismatch counts (a Spring duration)
	 */
	@ConfigurationProperties("sscard.identity")
	record Settings(@DefaultValue("5") int maxMismatches, @DefaultValue("24h") Duration window) {

		Settings {
			if (maxMismatches < 1 || window.isNegative() || window.isZero()) {
				throw new IllegalStateException(
						"Settings sscard.identity.max-mismatches must be at least 1 and sscard.identity.window positive.");
			}
		}

	}

}
