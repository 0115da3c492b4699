package org.sscard.audit;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.feed.EventFeed;
import org.sscard.feed.FeedEntry;
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

	private final EventFeed feed;

	AuditTrail(ActivationEvents events, EntityManager entityManager, EventFeed feed) {
		this.events = events;
		this.entityManager = entityManager;
		this.feed = feed;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void succeeded(Long cardId, AuditedAccount account, AuditAction action, Actor actor) {
		this.entityManager.persist(new ActivationEvent(cardId, account, action, null, actor, null, null));
		toFeed(cardId, account, action, actor);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void activated(Long cardId, AuditedAccount account, Actor actor, String phoneBefore, String phoneAfter) {
		this.entityManager.persist(new ActivationEvent(cardId, account, AuditAction.ACTIVATED, null, actor, phoneBefore, phoneAfter));
		toFeed(cardId, account, AuditAction.ACTIVATED, actor);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void rejected(Long cardId, AuditedAccount account, AuditAction action, ErrorCode code, Actor actor) {
		this.entityManager.persist(new ActivationEvent(cardId, account, action, code, actor, null, null));
		toFeed(cardId, account, action, actor);
	}

	/**
	 * TEMPORARY wiring of the event feed (issue 14), until the card aggregate publishes domain
	 * events and the feed listens to them: the audit actions that are state changes become feed
	 * entries in the same transaction. A lock is one, although the call that caused it is rejected.
	 */
	private void toFeed(Long cardId, AuditedAccount account, AuditAction action, Actor actor) {
		String type = switch (action) {
			case CARD_ISSUED -> "CARD_ISSUED";
			case ACTIVATED -> "ACCOUNT_ACTIVATED";
			case PIN_RESET -> "PIN_RESET";
			case LOCKED -> "ACCOUNT_LOCKED";
			default -> null;
		};
		if (type != null) {
			Object[] card = (Object[]) this.entityManager.createNativeQuery("select c.card_number, f.bank_code from cards c "
					+ "left join financial_accounts f on f.card_id = c.id where c.id = ?1").setParameter(1, cardId).getSingleResult();
			this.feed.append(new FeedEntry(type, (String) card[0], account.name(),
					(actor.channel() != null) ? actor.channel().name() : null, actor.branchCode(), (String) card[1], Instant.now()));
		}
	}

	@Transactional(readOnly = true)
	public List<EventView> eventsOf(Long cardId) {
		return this.events.findByCardIdOrderByOccurredAtDescIdDesc(cardId).stream().map(ActivationEvent::view).toList();
	}

}
