package org.sscard.card;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardStore;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;

/**
 * Reading cards. To a caller who may not read a card, a card that exists looks exactly like one
 * that does not: 404 {@code CARD_NOT_FOUND} either way.
 */
@Service
public class CardQueries {

	private final CardStore cards;

	CardQueries(CardStore cards) {
		this.cards = cards;
	}

	@Transactional(readOnly = true)
	public CardView view(ServicePoint by, String cardNumber) {
		return readable(by, cardNumber).view();
	}

	/**
	 * The holder's cards that {@code by} may read, newest first: a holder who lost the card rarely
	 * knows its number. Cards outside the caller's read scope are left out, never hinted at.
	 */
	@Transactional(readOnly = true)
	public List<CardView> byHolder(ServicePoint by, IdNumber idNumber) {
		return this.cards.findByHolder(idNumber).stream().filter((card) -> card.isReadableBy(by)).map(Card::view).toList();
	}

	/** The key of a card {@code by} may read, for modules that keep records about cards (the audit trail). */
	@Transactional(readOnly = true)
	public Long readableCardId(ServicePoint by, String cardNumber) {
		return readable(by, cardNumber).id();
	}

	private Card readable(ServicePoint by, String cardNumber) {
		return this.cards.find(cardNumber)
			.filter((card) -> card.isReadableBy(by))
			.orElseThrow(() -> CardStore.notFound(cardNumber));
	}

}
