package org.sscard.card.internal;

import java.time.Duration;

/**
 * The identity checks made on one card recently. Mismatches are counted per card in PostgreSQL,
 * whoever made them and on whichever instance; once a card has had too many within the window,
 * channel clients are refused without the identity being checked, so that a wrong-name /
 * wrong-ID answer cannot be used as an oracle to find the holder's ID number.
 */
public interface IdentityChecks {

	/** How long identity-bearing calls from channel clients stay refused; {@code null} when they are not. */
	Duration blockedFor();

	/** Counts one mismatch against the card. */
	void countMismatch();

}
