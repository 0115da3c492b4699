package org.sscard.card;

import java.time.Instant;

import org.sscard.shared.ErrorCode;
import org.sscard.shared.Phone;
import org.sscard.shared.ServicePoint;

/**
 * What happened to a card, recorded by the card aggregate as it decides and published inside the
 * transaction that changes it: a listener's writes (the audit trail) commit exactly when the
 * change does. Rejections are events too, because the contract keeps a record of each.
 */
public sealed interface CardEvent {

	CardRef card();

	CardPart part();

	ServicePoint by();

	Instant occurredAt();

	/** A new card, its social-security account sealed under the initial PIN. */
	record CardIssued(CardRef card, CardPart part, ServicePoint by, Instant occurredAt) implements CardEvent {
	}

	/** An account became active; the holder's contact phone was set (masked in every view). */
	record AccountActivated(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, Phone phoneBefore,
			Phone phoneAfter) implements CardEvent {
	}

	/** A wrong PIN was counted; the account is still usable for {@code remainingAttempts} more. */
	record PinMismatchCounted(CardRef card, CardPart part, ServicePoint by, Instant occurredAt,
			int remainingAttempts) implements CardEvent {
	}

	/** The wrong PIN that reached the threshold: the account is now locked. */
	record AccountLocked(CardRef card, CardPart part, ServicePoint by, Instant occurredAt) implements CardEvent {
	}

	/**
	 * The holder chose a new PIN in person; a locked account is unlocked by it. A phone given with
	 * the reset becomes the contact phone.
	 */
	record PinReset(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, Phone phoneBefore,
			Phone phoneAfter) implements CardEvent {
	}

	/** The holder proved to know the PIN (at a settlement, or before a sensitive service). */
	record PinVerified(CardRef card, CardPart part, ServicePoint by, Instant occurredAt) implements CardEvent {
	}

	/** The holder, knowing the PIN, chose another. */
	record PinChanged(CardRef card, CardPart part, ServicePoint by, Instant occurredAt) implements CardEvent {
	}

	/** The lock was lifted in person; the PIN was kept and the account is as it was before it locked. */
	record AccountUnlocked(CardRef card, CardPart part, ServicePoint by, Instant occurredAt) implements CardEvent {
	}

	/** The card was reported lost; {@code temporaryLossExpiresAt} is when a temporary report lapses (null for FORMAL). */
	record LossReported(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, LossKind kind,
			Instant temporaryLossExpiresAt) implements CardEvent {
	}

	/** A temporary loss report ended: released by staff, or {@code lapsed} by itself (actor {@code system}). */
	record LossReleased(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, boolean lapsed)
			implements CardEvent {
	}

	/** The card was replaced by {@code newCardNumber}; its accounts are closed. */
	record CardReplaced(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, String newCardNumber,
			ReplacementReason reason) implements CardEvent {
	}

	/** The card was cancelled for good; its accounts are closed. */
	record CardCancelled(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, CancellationReason reason)
			implements CardEvent {
	}

	/** A call on the card was refused for a business reason, and changed nothing else. */
	record RequestRejected(CardRef card, CardPart part, ServicePoint by, Instant occurredAt, ErrorCode code)
			implements CardEvent {
	}

}
