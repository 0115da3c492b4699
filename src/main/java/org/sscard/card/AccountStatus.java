package org.sscard.card;

public enum AccountStatus {

	/** Sealed until the holder activates it. */
	PENDING_ACTIVATION,
	ACTIVE,
	/** Too many wrong PINs; unlocked in person by a PIN reset. */
	LOCKED,
	/** Its card was replaced or cancelled: the account serves nothing any more. */
	CLOSED

}
