package org.sscard.card;

/** Why a card is replaced (补换卡). */
public enum ReplacementReason {

	/** Needs the old card formally reported lost. */
	LOST, DAMAGED, EXPIRED, DETAILS_CHANGED, BANK_CHANGED

}
