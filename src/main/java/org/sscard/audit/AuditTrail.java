package org.sscard.audit;

import jakarta.persistence.EntityManager;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.audit.internal.ActivationEvent;
import org.sscard.card.CardEvent.AccountActivated;
import org.sscard.card.CardEvent.AccountLocked;
import org.sscard.card.CardEvent.AccountUnlocked;
import org.sscard.card.CardEvent.CardCancelled;
import org.sscard.card.CardEvent.CardIssued;
import org.sscard.card.CardEvent.CardReplaced;
import org.sscard.card.CardEvent.LossReleased;
import org.sscard.card.CardEvent.LossReported;
import org.sscard.card.CardEvent.PinChanged;
import org.sscard.card.CardEvent.PinMismatchCounted;
import org.sscard.card.CardEvent.PinReset;
import org.sscard.card.CardEvent.PinVerified;
import org.sscard.card.CardEvent.RequestRejected;
import org.sscard.shared.ErrorCode;

/**
 * The append-only record of everything done to a card, written as the card's events are
 * published: inside the transaction that made them, so an event is on file exactly when what it
 * describes was committed, and a refusal's record commits with the refusal's mismatch count.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AuditTrail {

	private final EntityManager entityManager;

	AuditTrail(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@EventListener
	void on(CardIssued event) {
		record(ActivationEvent.succeeded(event, AuditAction.CARD_ISSUED));
	}

	@EventListener
	void on(AccountActivated event) {
		record(ActivationEvent.withPhones(event, AuditAction.ACTIVATED, event.phoneBefore(), event.phoneAfter()));
	}

	@EventListener
	void on(PinReset event) {
		record(ActivationEvent.withPhones(event, AuditAction.PIN_RESET, event.phoneBefore(), event.phoneAfter()));
	}

	@EventListener
	void on(PinVerified event) {
		record(ActivationEvent.succeeded(event, AuditAction.PIN_VERIFIED));
	}

	@EventListener
	void on(PinChanged event) {
		record(ActivationEvent.succeeded(event, AuditAction.PIN_CHANGED));
	}

	@EventListener
	void on(AccountUnlocked event) {
		record(ActivationEvent.succeeded(event, AuditAction.UNLOCKED));
	}

	@EventListener
	void on(PinMismatchCounted event) {
		record(ActivationEvent.rejected(event, AuditAction.PIN_MISMATCH, ErrorCode.PIN_MISMATCH));
	}

	@EventListener
	void on(AccountLocked event) {
		record(ActivationEvent.rejected(event, AuditAction.LOCKED, ErrorCode.ACCOUNT_LOCKED));
	}

	@EventListener
	void on(RequestRejected event) {
		record(ActivationEvent.rejected(event, AuditAction.REJECTED, event.code()));
	}

	@EventListener
	void on(LossReported event) {
		record(ActivationEvent.succeeded(event, AuditAction.LOSS_REPORTED));
	}

	@EventListener
	void on(LossReleased event) {
		record(ActivationEvent.succeeded(event, AuditAction.LOSS_RELEASED));
	}

	@EventListener
	void on(CardReplaced event) {
		record(ActivationEvent.succeeded(event, AuditAction.REPLACED));
	}

	@EventListener
	void on(CardCancelled event) {
		record(ActivationEvent.succeeded(event, AuditAction.CANCELLED));
	}

	private void record(ActivationEvent event) {
		this.entityManager.persist(event);
	}

}
