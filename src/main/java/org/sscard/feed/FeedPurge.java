package org.sscard.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets feed entries published longer ago than {@code sscard.feed.retention}. Deletes only a
 * prefix of the positions (entries are published in position order), so the feed stays gap-free:
 * it simply starts later, and a reader asking for positions before it gets the oldest kept ones.
 * Unpublished entries are never purged. Safe on every instance at once: one idempotent DELETE.
 */
@Component
class FeedPurge {

	private static final Logger log = LoggerFactory.getLogger(FeedPurge.class);

	private final JdbcTemplate jdbc;

	private final FeedProperties properties;

	FeedPurge(JdbcTemplate jdbc, FeedProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${sscard.feed.purge-interval:1h}", initialDelayString = "${sscard.feed.purge-interval:1h}")
	void purge() {
		int purged = purgeOlderThan(this.properties.retention().toSeconds());
		if (purged > 0) {
			log.info("Purged {} feed events published more than {} ago", purged, this.properties.retention());
		}
	}

	int purgeOlderThan(long seconds) {
		return this.jdbc.update("""
				delete from feed_events
				where position <= (select max(position) from feed_events
				                   where position <= (select published_position from feed_publication)
				                     and occurred_at < now() - make_interval(secs => ?))""", seconds);
	}

}
