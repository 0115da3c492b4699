package org.sscard.card;

/**
 * Where a card is in its life. Only a NORMAL card is served (activation, resets and the PIN
 * services); REPLACED and CANCELLED are final.
 */
public enum CardStatus {

	NORMAL,
	/** Reported lost online or at a window (临时挂失); lapses back to NORMAL by itself, or is released. */
	TEMPORARILY_LOST,
	/** Reported lost in person with the ID card (正式挂失): can only be replaced or cancelled. */
	LOST,
	/** Superseded by a new card; its accounts are closed. */
	REPLACED,
	/** Cancelled (注销) on death, emigration, transfer out or request; its accounts are closed. */
	CANCELLED;

	/** Whether the card is past its life: replaced or cancelled, never to change again. */
	public boolean isFinal() {
		return this == REPLACED || this == CANCELLED;
	}

}
