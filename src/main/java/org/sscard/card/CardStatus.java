package org.sscard.card;

public enum CardStatus {

	NORMAL

}
