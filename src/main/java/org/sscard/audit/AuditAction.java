package org.sscard.audit;

public enum AuditAction {

	CARD_ISSUED, ACTIVATED, PIN_MISMATCH, LOCKED, PIN_RESET, REJECTED

}
