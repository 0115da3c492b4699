package org.sscard.card;

/** Why a card is cancelled (注销). */
public enum CancellationReason {

	DECEASED, EMIGRATED, TRANSFERRED_OUT, HOLDER_REQUEST

}
