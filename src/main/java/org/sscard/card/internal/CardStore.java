package org.sscard.card.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;

/**
 * Where cards are kept, for the card module's use cases: loading (locked for a change, or to
 * read), adding, and handing each change's recorded events to the listeners inside the
 * transaction. Repositories stay behind it, so no other module can reach them.
 */
@Component
public class CardStore {

	private final Cards cards;

	private final Cardholders holders;

	private final FinancialAccounts financialAccounts;

	private final ApplicationEventPublisher events;

	private static final String ONE_LIVE_CARD_INDEX = "cards_one_live_card_per_holder_uk";

	CardStore(Cards cards, Cardholders holders, FinancialAccounts financialAccounts, ApplicationEventPublisher events) {
		this.cards = cards;
		this.holders = holders;
		this.financialAccounts = financialAccounts;
		this.events = events;
	}

	/** The card, whole and locked until the transaction ends; see {@link CardLocks}. */
	public Optional<Card> findForUpdate(String cardNumber) {
		return this.cards.findForUpdate(cardNumber);
	}

	public Optional<Card> find(String cardNumber) {
		return this.cards.findByCardNumber(cardNumber);
	}

	public boolean exists(String cardNumber) {
		return this.cards.existsByCardNumber(cardNumber);
	}

	public boolean accountNumberInUse(String accountNumber) {
		return this.financialAccounts.existsByAccountNumber(accountNumber);
	}

	/**
	 * Issues a card to the holder with this ID number, recording the holder on first sight. Two
	 * cards issued at once to one new holder meet on the holder's row: the second waits for the
	 * first and is refused {@code HOLDER_HAS_CARD}.
	 * @return the new card, or empty when the ID number is on file under another name
	 */
	public Optional<Card> issue(String cardNumber, IdNumber idNumber, String holderName, String insuredRegionCode,
			String bankCode, String accountNumber, PinHash initialPin, ServicePoint by, Instant at) {
		this.holders.addIfAbsent(idNumber.value(), holderName);
		Cardholder holder = this.holders.findByIdNumber(idNumber).orElseThrow();
		if (!holder.isIdentifiedBy(idNumber, holderName)) {
			return Optional.empty();
		}
		this.holders.lock(holder.id());
		if (this.cards.existsByCardNumber(cardNumber)) {
			// The same card issued twice at once: the second waited on the holder's lock for the
			// first, and is answered as if it had come after it.
			throw new DomainException(ErrorCode.DUPLICATE, "Card " + cardNumber + " already exists.");
		}
		ensureNoLiveCard(holder.id());
		return Optional.of(add(Card.issue(cardNumber, holder, insuredRegionCode, initialPin, bankCode, accountNumber,
				by, at)));
	}

	/**
	 * Issues the replacement of {@code old}, which has just been marked REPLACED: written first, so
	 * that the holder's one live card is the new one at every moment the database can see.
	 */
	public Card issueReplacement(Card old, String cardNumber, String bankCode, String accountNumber,
			PinHash initialPin, ServicePoint by, Instant at) {
		this.cards.flush();
		ensureNoLiveCard(old.holderId());
		return add(Card.issueReplacement(old, cardNumber, initialPin, bankCode, accountNumber, by, at));
	}

	/** The holder's cards, newest first. */
	public List<Card> findByHolder(IdNumber idNumber) {
		return this.cards.findByHolderIdNumber(idNumber);
	}

	/** Locks and returns the numbers of up to {@code limit} cards whose temporary loss lapsed; see {@link Cards}. */
	public List<String> lockLapsedTemporaryLosses(Instant now, int limit) {
		return this.cards.lockLapsedTemporaryLosses(now, limit);
	}

	/** One person, one card: checked under the holder's lock; the database's unique index is the backstop. */
	private void ensureNoLiveCard(Long holderId) {
		this.holders.lock(holderId);
		if (this.cards.holderHasLiveCard(holderId)) {
			throw holderHasCard();
		}
	}

	private Card add(Card card) {
		try {
			this.cards.saveAndFlush(card);
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMessage()).contains(ONE_LIVE_CARD_INDEX)) {
				throw holderHasCard();
			}
			throw ex;
		}
		return card;
	}

	private static DomainException holderHasCard() {
		return new DomainException(ErrorCode.HOLDER_HAS_CARD, "The holder already has a card that is not replaced or "
				+ "cancelled (one person, one card): replace or cancel that card instead.");
	}

	/** What everyone who may not see a card, or asks for one that does not exist, is told alike. */
	public static DomainException notFound(String cardNumber) {
		return new DomainException(ErrorCode.CARD_NOT_FOUND, "No card " + cardNumber + " that you may see.");
	}

	/** Publishes what the card recorded, to listeners running in the current transaction. */
	public void publishEvents(Card card) {
		card.pullEvents().forEach(this.events::publishEvent);
	}

}
