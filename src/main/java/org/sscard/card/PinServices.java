package org.sscard.card;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardChanges;
import org.sscard.card.internal.IdentityCheckCounter;
import org.sscard.card.internal.Pins;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;

/**
 * The social-security PIN once the account is active: verified at every hospital and pharmacy
 * settlement (the busiest call of a deployment), changed by a holder who knows it, and unlocked in
 * person. They share one mismatch counter and one lock with activation.
 */
@Service
public class PinServices {

	private final CardChanges changes;

	private final Pins pins;

	private final IdentityCheckCounter identityChecks;

	PinServices(CardChanges changes, Pins pins, IdentityCheckCounter identityChecks) {
		this.changes = changes;
		this.pins = pins;
		this.identityChecks = identityChecks;
	}

	public record PinChange(String currentPin, String newPin) {

		@Override
		public String toString() {
			return "PinChange[***]";
		}

	}

	public record Unlock(IdNumber idNumber, String holderName) {

		@Override
		public String toString() {
			return "Unlock[***]";
		}

	}

	/** Whether {@code pin} is the holder's; a wrong one is refused ({@code PIN_MISMATCH}) and counted. */
	public boolean verify(ServicePoint by, String cardNumber, String pin) {
		return this.changes.apply(cardNumber, (card) -> card.verifySocialSecurityPin(by, pin, this.pins, Instant.now()),
				(card) -> true);
	}

	public CardView change(ServicePoint by, String cardNumber, PinChange request) {
		return this.changes.apply(cardNumber, (card) -> card.changeSocialSecurityPin(by, request.currentPin(),
				request.newPin(), this.pins, Instant.now()), Card::view);
	}

	public CardView unlock(ServicePoint by, String cardNumber, Unlock request) {
		return this.changes.apply(cardNumber, (card) -> card.unlockSocialSecurity(by, request.idNumber(),
				request.holderName(), this.identityChecks.of(card), Instant.now()), Card::view);
	}

}
