package org.sscard.card;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardChanges;
import org.sscard.card.internal.IdentityCheckCounter;
import org.sscard.card.internal.Pins;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/** Activating a card's accounts, and resetting their PINs in person: each call is decided by the card. */
@Service
public class CardActivation {

	private final CardChanges changes;

	private final Pins pins;

	private final IdentityCheckCounter identityChecks;

	CardActivation(CardChanges changes, Pins pins, IdentityCheckCounter identityChecks) {
		this.changes = changes;
		this.pins = pins;
		this.identityChecks = identityChecks;
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

	/** A reset's {@code phone} is optional, except when the reset activates the account. */
	public record PinReset(IdNumber idNumber, String holderName, String newPin, Phone phone) {

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
				request.newPin(), request.phone(), this.pins, this.identityChecks.of(card), Instant.now()));
	}

	public CardView activateBoth(ServicePoint by, String cardNumber, CombinedActivation request) {
		return change(cardNumber, (card) -> card.activateBoth(by, request.idNumber(), request.holderName(),
				request.currentPin(), request.socialSecurityPin(), request.financialPin(), request.phone(), this.pins,
				this.identityChecks.of(card), Instant.now()));
	}

	public CardView resetSocialSecurityPin(ServicePoint by, String cardNumber, PinReset request) {
		return change(cardNumber, (card) -> card.resetSocialSecurityPin(by, request.idNumber(), request.holderName(),
				request.newPin(), request.phone(), this.pins, this.identityChecks.of(card), Instant.now()));
	}

	public CardView resetFinancialPin(ServicePoint by, String cardNumber, PinReset request) {
		return change(cardNumber, (card) -> card.resetFinancialPin(by, request.idNumber(), request.holderName(),
				request.newPin(), request.phone(), this.pins, this.identityChecks.of(card), Instant.now()));
	}

	private CardView change(String cardNumber, Function<Card, Optional<Rejection>> intent) {
		return this.changes.apply(cardNumber, intent, Card::view);
	}

}
