package org.sscard.feed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the numbered part of the feed. Positions are handed out only to committed entries and
 * one sequencer transaction at a time, so every read sees a gap-free prefix: whatever a reader
 * has not seen yet will come after the last position it saw.
 */
@Component
class FeedReader {

	private static final RowMapper<FeedItem> ITEM = (rs, n) -> new FeedItem(rs.getLong("position"),
			rs.getObject("event_id", UUID.class), rs.getString("type"),
			rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("card_number"),
			rs.getString("account"), rs.getString("channel"), rs.getString("branch_code"));

	private static final String COLUMNS = "select position, event_id, type, occurred_at, card_number, account, channel, branch_code from feed_events ";

	private final JdbcTemplate jdbc;

	FeedReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} entries after {@code after}, oldest first; only of cards at {@code bankCode} unless null. */
	FeedPage read(long after, int limit, String bankCode) {
		List<FeedItem> items = (bankCode == null)
				? this.jdbc.query(COLUMNS + "where position > ? order by position limit ?", ITEM, after, limit)
				: this.jdbc.query(COLUMNS + "where bank_code = ? and position > ? order by position limit ?", ITEM,
						bankCode, after, limit);
		long next = items.isEmpty() ? after : items.get(items.size() - 1).position();
		return new FeedPage(items, next);
	}

	/** One page of the feed; {@code next} is the {@code after} of the following call. */
	record FeedPage(List<FeedItem> events, long next) {
	}

}
