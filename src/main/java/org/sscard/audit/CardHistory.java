package org.sscard.audit;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.audit.internal.ActivationEvent;
import org.sscard.audit.internal.ActivationEvents;
import org.sscard.card.CardQueries;
import org.sscard.shared.ServicePoint;

/** A card's audit trail, newest first, for whoever may read the card. */
@Service
public class CardHistory {

	private final CardQueries cards;

	private final ActivationEvents events;

	CardHistory(CardQueries cards, ActivationEvents events) {
		this.cards = cards;
		this.events = events;
	}

	/**
	 * At most {@code limit} events of the card, newest first; with {@code before}, only those older
	 * than that event (its {@code id}), so a client pages back through a long history.
	 */
	@Transactional(readOnly = true)
	public List<EventView> of(ServicePoint by, String cardNumber, int limit, Long before) {
		Long cardId = this.cards.readableCardId(by, cardNumber);
		List<ActivationEvent> page = (before == null)
				? this.events.findByCardIdOrderByIdDesc(cardId, Limit.of(limit))
				: this.events.findByCardIdAndIdLessThanOrderByIdDesc(cardId, before, Limit.of(limit));
		return page.stream().map(ActivationEvent::view).toList();
	}

}
