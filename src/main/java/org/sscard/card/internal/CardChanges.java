package org.sscard.card.internal;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.shared.Rejection;

/**
 * One call on one card, as one unit of work: the card is loaded locked, decides, and what it
 * recorded is committed whatever it decided (on success the change and its events; on a refusal
 * only what the contract keeps: the event and a PIN-mismatch count); the refusal is answered
 * after the commit. Concurrent calls on one card, on any instance, run one after the other, so a
 * count is never lost and only one of two activations succeeds.
 */
@Component
public class CardChanges {

	private final CardStore cards;

	private final TransactionTemplate transactions;

	CardChanges(CardStore cards, PlatformTransactionManager transactionManager) {
		this.cards = cards;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Applies {@code intent} to the card and answers with {@code answer} of the changed card.
	 * @throws org.sscard.shared.DomainException the card's refusal, or {@code CARD_NOT_FOUND}
	 */
	public <T> T apply(String cardNumber, Function<Card, Optional<Rejection>> intent, Function<Card, T> answer) {
		return apply(cardNumber, (card) -> true, intent, answer);
	}

	/** As {@link #apply(String, Function, Function)}, to a caller for whom a card not {@code visible} does not exist. */
	public <T> T apply(String cardNumber, Predicate<Card> visible, Function<Card, Optional<Rejection>> intent,
			Function<Card, T> answer) {
		Decided<T> decided = this.transactions.execute((status) -> {
			Card card = this.cards.findForUpdate(cardNumber)
				.filter(visible)
				.orElseThrow(() -> CardStore.notFound(cardNumber));
			Optional<Rejection> refused = intent.apply(card);
			this.cards.publishEvents(card);
			return refused.<Decided<T>>map((rejection) -> new Decided<>(null, rejection))
				.orElseGet(() -> new Decided<>(answer.apply(card), null));
		});
		if (decided.refused() != null) {
			throw decided.refused().toException();
		}
		return decided.answer();
	}

	private record Decided<T>(T answer, Rejection refused) {
	}

}
