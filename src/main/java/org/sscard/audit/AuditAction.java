package org.sscard.audit;

/** What an audit event records. */
public enum AuditAction {

	CARD_ISSUED, ACTIVATED, PIN_MISMATCH, LOCKED, PIN_RESET, REJECTED,

	/** The PIN services: a verification at a settlement, a change, an unlock. */
	PIN_VERIFIED, PIN_CHANGED, UNLOCKED,

	/** The card's lifecycle: a loss report, its release (or lapse), replacement, cancellation. */
	LOSS_REPORTED, LOSS_RELEASED, REPLACED, CANCELLED

}
