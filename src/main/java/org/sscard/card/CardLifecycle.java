package org.sscard.card;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.sscard.card.CardIssuing.FinancialApplication;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardChanges;
import org.sscard.card.internal.CardStore;
import org.sscard.card.internal.IdentityCheckCounter;
import org.sscard.card.internal.LossProperties;
import org.sscard.card.internal.Pins;
import org.sscard.shared.BranchKind;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.NewPin;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ServicePoint.Role;

/**
 * A card's life after activation: loss reports and their release, replacement, cancellation, and
 * the status enquiry of the online channels. Like {@link CardActivation}, each call locks the card
 * for one transaction, lets the card decide, and commits what it recorded (a refusal's event
 * too) before it answers.
 */
@Service
public class CardLifecycle {

	private final CardStore cards;

	private final CardChanges changes;

	private final Pins pins;

	private final IdentityCheckCounter identityChecks;

	private final LossProperties loss;

	CardLifecycle(CardStore cards, CardChanges changes, Pins pins, IdentityCheckCounter identityChecks,
			LossProperties loss) {
		this.cards = cards;
		this.changes = changes;
		this.pins = pins;
		this.identityChecks = identityChecks;
		this.loss = loss;
	}

	public record LossReport(LossKind kind, IdNumber idNumber, String holderName) {

		@Override
		public String toString() {
			return "LossReport[" + this.kind + "]";
		}

	}

	public record Identification(IdNumber idNumber, String holderName) {

		@Override
		public String toString() {
			return "Identification[***]";
		}

	}

	public record Replacement(String newCardNumber, ReplacementReason reason, FinancialApplication financialAccount) {
	}

	public record Cancellation(CancellationReason reason, String note) {
	}

	/**
	 * A temporary report: any staff who may read the card, and the online channels (a bank's app
	 * for its own bank's cards). A formal one: in person at a service hall or a bank counter.
	 */
	public CardView reportLoss(ServicePoint by, String cardNumber, LossReport request) {
		if (request.kind() == LossKind.FORMAL && !takesFormalReports(by)) {
			throw new DomainException(ErrorCode.FORBIDDEN, "A formal loss report is made in person with the ID card "
					+ "at a service hall window or a bank counter.");
		}
		Instant now = Instant.now();
		return change(by, cardNumber, (card) -> card.reportLoss(by, request.kind(), request.idNumber(),
				request.holderName(), this.loss.temporaryPeriod(card.insuredRegionCode()), this.identityChecks.of(card),
				now));
	}

	public CardView releaseLoss(ServicePoint by, String cardNumber, Identification request) {
		return change(by, cardNumber,
				(card) -> card.releaseLoss(by, request.idNumber(), request.holderName(), this.identityChecks.of(card),
						Instant.now()));
	}

	/**
	 * Replaces the card: the old one REPLACED with its accounts closed, the new one issued to the
	 * same holder in the same region, sealed under the initial PIN; one transaction. Two
	 * replacements of one card at once run one after the other on the card's lock: the second
	 * finds it REPLACED.
	 * @return the new card
	 */
	public CardView replace(ServicePoint by, String cardNumber, Replacement request) {
		FinancialApplication bank = request.financialAccount();
		Instant now = Instant.now();
		AtomicReference<Card> created = new AtomicReference<>();
		return this.changes.apply(cardNumber, (old) -> {
			Optional<Rejection> refused = old.replace(by, request.newCardNumber(), request.reason(),
					() -> newCardRefusal(request), now);
			if (refused.isEmpty()) {
				// The old card's end is told before the new card's start.
				this.cards.publishEvents(old);
				created.set(this.cards.issueReplacement(old, request.newCardNumber(),
						(bank != null) ? bank.bankCode() : null, (bank != null) ? bank.accountNumber() : null,
						this.pins.hash(NewPin.INITIAL), by, now));
				this.cards.publishEvents(created.get());
			}
			return refused;
		}, (old) -> created.get().view());
	}

	/** Cancels the card for good (注销): ADMIN, or a service hall in the insured city. */
	public CardView cancel(ServicePoint by, String cardNumber, Cancellation request) {
		return change(by, cardNumber,
				(card) -> card.cancel(by, request.reason(), request.note(), Instant.now()));
	}

	/** How the card stands, for an online channel acting for the holder (identity required). */
	public CardView statusEnquiry(ServicePoint by, String cardNumber, Identification request) {
		return change(by, cardNumber,
				(card) -> card.checkStatusEnquiry(by, request.idNumber(), request.holderName(),
						this.identityChecks.of(card), Instant.now()));
	}

	private static boolean takesFormalReports(ServicePoint by) {
		return by.isTeller() || (by.role() == Role.SERVICE_WINDOW && by.branchKind() == BranchKind.SERVICE_HALL);
	}

	private Rejection newCardRefusal(Replacement request) {
		FinancialApplication bank = request.financialAccount();
		Rejection refused = (bank != null) ? bank.rmbDebitRefusal() : null;
		if (refused == null && this.cards.exists(request.newCardNumber())) {
			refused = Rejection.of(ErrorCode.DUPLICATE, "Card " + request.newCardNumber() + " already exists.");
		}
		if (refused == null && bank != null && this.cards.accountNumberInUse(bank.accountNumber())) {
			refused = Rejection.of(ErrorCode.DUPLICATE, "That bank account number is already on another card.");
		}
		return refused;
	}

	/** One call on one card, decided by the card. */
	private CardView change(ServicePoint by, String cardNumber, Function<Card, Optional<Rejection>> intent) {
		return this.changes.apply(cardNumber, intent, Card::view);
	}

}
