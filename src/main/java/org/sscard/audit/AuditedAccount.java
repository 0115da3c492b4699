package org.sscard.audit;

/** Which part of a card an event is about. */
public enum AuditedAccount {

	CARD, SOCIAL_SECURITY, FINANCIAL

}
