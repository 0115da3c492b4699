package org.sscard.audit;

/** What an audit event records. */
public enum AuditAction {

	CARD_ISSUED, ACTIVATED, PIN_MISMATCH, LOCKED, PIN_RESET, REJECTED, PIN_VERIFIED, PIN_CHANGED, UNLOCKED

}
