package org.sscard.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event feed's settings.
 *
 * @param interval how often each instance numbers and publishes entries when nothing woke it
 * (a commit wakes its own instance at once; this catches other instances' commits and crashes)
 * @param batchSize entries published with one confirm at a time (a sequencer round numbers all
 * the committed changes it finds)
 * @param confirmTimeout how long to wait for RabbitMQ's publisher confirms of a batch
 * @param retention how long after it happened a published entry stays readable before it is purged
 * @param purgeInterval how often published entries older than the retention are purged
 * @param linger how long a woken sequencer or publisher waits for more commits before its round,
 * so that under load one round takes many entries instead of one (the feed's added latency)
 * @param enabled false only to measure what the feed costs (bench/run): the sequencer then passes
 * changes over instead of numbering them, and the feed and RabbitMQ miss them for good. The
 * contract needs it true.
 */
@ConfigurationProperties("sscard.feed")
public record FeedProperties(@DefaultValue("200ms") Duration interval, @DefaultValue("500") int batchSize,
		@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("30d") Duration retention,
		@DefaultValue("1h") Duration purgeInterval, @DefaultValue("50ms") Duration linger,
		@DefaultValue("true") boolean enabled) {

	/** The contract's exchange. */
	public static final String EXCHANGE = "sscard.events";

	public FeedProperties {
		if (batchSize < 1) {
			throw new IllegalStateException("Setting sscard.feed.batch-size must be at least 1.");
		}
	}

}
