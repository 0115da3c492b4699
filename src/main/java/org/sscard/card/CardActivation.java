package org.sscard.card;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardStore;
import org.sscard.card.internal.Pins;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/**
 * The activation and PIN-reset use cases. Each loads the card locked for the length of one
 * transaction, lets the card decide, and commits what it recorded: on success the change and its
 * events; on a refusal only what the contract keeps (the event, a PIN-mismatch count), after
 * which the refusal is answered. Concurrent calls on one card, on any instance, run one after the
 * other, so a count is never lost and only one of two activations succeeds.
 */
@Service
public class CardActivation {

	private final CardStore cards;

	private final Pins pins;

	private final TransactionTemplate transactions;

	CardActivation(CardStore cards, Pins pins, PlatformTransactionManager transactionManager) {
		this.cards = cards;
		this.pins = pins;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public record SocialSecurityActivation(String currentPin, String newPin, Phone phone) {

		@Override
		public String toString() {
			return "SocialSecurityActivation[***]";
		}

	}

	public record FinancialActivation(IdNumber idNumber, String holderName, Phone phone, String newPin) {

		@Override
		public String toString() {
			return "FinancialActivation[***]";
		}

	}

	public record CombinedActivation(IdNumber idNumber, String holderName, Phone phone, String currentPin,
			String socialSecurityPin, String financialPin) {

		@Override
		public String toString() {
			return "CombinedActivation[***]";
		}

	}

	public record PinReset(IdNumber idNumber, String holderName, String newPin) {

		@Override
		public String toString() {
			return "PinReset[***]";
		}

	}

	public CardView activateSocialSecurity(ServicePoint by, String cardNumber, SocialSecurityActivation request) {
		return change(cardNumber, (card) -> card.activateSocialSecurity(by, request.currentPin(), request.newPin(),
				request.phone(), this.pins, Instant.now()));
	}

	public CardView activateFinancial(ServicePoint by, String cardNumber, FinancialActivation request) {
		return change(cardNumber, (card) -> card.activateFinancial(by, request.idNumber(), request.holderName(),
				request.newPin(), request.phone(), this.pins, Instant.now()));
	}

	public CardView activateBoth(ServicePoint by, String cardNumber, CombinedActivation request) {
		return change(cardNumber, (card) -> card.activateBoth(by, request.idNumber(), request.holderName(),
				request.currentPin(), request.socialSecurityPin(), request.financialPin(), request.phone(), this.pins,
				Instant.now()));
	}

	public CardView resetSocialSecurityPin(ServicePoint by, String cardNumber, PinReset request) {
		return change(cardNumber, (card) -> card.resetSocialSecurityPin(by, request.idNumber(), request.holderName(),
				request.newPin(), this.pins, Instant.now()));
	}

	public CardView resetFinancialPin(ServicePoint by, String cardNumber, PinReset request) {
		return change(cardNumber, (card) -> card.resetFinancialPin(by, request.idNumber(), request.holderName(),
				request.newPin(), this.pins, Instant.now()));
	}

	/** One call on one card: decided by the card, committed whatever the decision, answered after. */
	private CardView change(String cardNumber, Function<Card, Optional<Rejection>> intent) {
		Decided decided = this.transactions.execute((status) -> {
			Card card = this.cards.findForUpdate(cardNumber).orElseThrow(() -> CardQueries.notFound(cardNumber));
			Optional<Rejection> refused = intent.apply(card);
			this.cards.publishEvents(card);
			return new Decided(card.view(), refused.orElse(null));
		});
		if (decided.refused() != null) {
			throw decided.refused().toException();
		}
		return decided.view();
	}

	private record Decided(CardView view, Rejection refused) {
	}

}
