package org.sscard.card.internal;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
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
	 * cards issued at once to one new holder share the holder instead of one failing.
	 * @return the new card, or empty when the ID number is on file under another name
	 */
	public Optional<Card> issue(String cardNumber, IdNumber idNumber, String holderName, String insuredRegionCode,
			String bankCode, String accountNumber, PinHash initialPin, ServicePoint by, java.time.Instant at) {
		this.holders.addIfAbsent(idNumber.value(), holderName);
		Cardholder holder = this.holders.findByIdNumber(idNumber).orElseThrow();
		if (!holder.isIdentifiedBy(idNumber, holderName)) {
			return Optional.empty();
		}
		Card card = Card.issue(cardNumber, holder, insuredRegionCode, initialPin, bankCode, accountNumber, by, at);
		this.cards.saveAndFlush(card);
		return Optional.of(card);
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
