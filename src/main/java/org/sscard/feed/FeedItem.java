package org.sscard.feed;

import java.time.Instant;
import java.util.UUID;

/** An entry as readers of {@code GET /api/v1/events} and subscribers of {@code sscard.events} receive it. */
record FeedItem(long position, UUID eventId, String type, Instant occurredAt, String cardNumber, String account,
		String channel, String branchCode) {

	/** The routing key of the contract: {@code card.<type in lower case>}. */
	String routingKey() {
		return "card." + this.type.toLowerCase(java.util.Locale.ROOT);
	}

}
