package org.sscard.feed;

import java.time.Instant;
import java.util.Set;

/**
 * One change to a card, as the event feed tells it to banks and other subscribers: no holder
 * data beyond the card number.
 *
 * @param type one of {@link #TYPES}
 * @param account {@code CARD}, {@code SOCIAL_SECURITY} or {@code FINANCIAL}
 * @param channel the channel of the call that made the change (null for an administrator)
 * @param branchCode the branch of that call (null online)
 * @param bankCode the bank of the card's financial account (null without one): decides which
 * mobile-banking clients may read the entry, and travels as a message header, never in the body
 */
public record FeedEntry(String type, String cardNumber, String account, String channel, String branchCode,
		String bankCode, Instant occurredAt) {

	/** The contract's feed types: state changes only, never rejections or PIN verifications. */
	public static final Set<String> TYPES = Set.of("CARD_ISSUED", "ACCOUNT_ACTIVATED", "ACCOUNT_LOCKED",
			"ACCOUNT_UNLOCKED", "PIN_RESET", "PIN_CHANGED", "LOSS_REPORTED", "LOSS_RELEASED", "CARD_REPLACED",
			"CARD_CANCELLED");

	public FeedEntry {
		if (!TYPES.contains(type)) {
			throw new IllegalArgumentException("not a feed type: " + type);
		}
		if (cardNumber == null || occurredAt == null) {
			throw new IllegalArgumentException("a feed entry needs a card number and a time");
		}
	}

}
