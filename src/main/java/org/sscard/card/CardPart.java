package org.sscard.card;

/** Which part of a card something is about: the card itself or one of its two accounts. */
public enum CardPart {

	CARD, SOCIAL_SECURITY, FINANCIAL

}
