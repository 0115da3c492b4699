package org.sscard.audit;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.shared.ErrorCode;

/**
 * The append-only record of everything done to a card. Events are written inside the caller's
 * transaction, so an event exists exactly when what it describes was committed; a rejection is
 * recorded by the caller in a transaction of its own, after the rejected work was rolled back.
 */
@Service
public class AuditTrail {

	private final ActivationEvents events;

	private final EntityManager entityManager;

	AuditTrail(ActivationEvents events, EntityManager entityManager) {
		this.events = events;
		this.entityManager = entityManager;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void succeeded(Long cardId, AuditedAccount account, AuditAction action, Actor actor) {
		this.entityManager.persist(new ActivationEvent(cardId, account, action, null, actor, null, null));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void activated(Long cardId, AuditedAccount account, Actor actor, String phoneBefore, String phoneAfter) {
		this.entityManager.persist(new ActivationEvent(cardId, account, AuditAction.ACTIVATED, null, actor, phoneBefore, phoneAfter));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void rejected(Long cardId, AuditedAccount account, AuditAction action, ErrorCode code, Actor actor) {
		this.entityManager.persist(new ActivationEvent(cardId, account, action, code, actor, null, null));
	}

	@Transactional(readOnly = true)
	public List<EventView> eventsOf(Long cardId) {
		return this.events.findByCardIdOrderByOccurredAtDescIdDesc(cardId).stream().map(ActivationEvent::view).toList();
	}

}
