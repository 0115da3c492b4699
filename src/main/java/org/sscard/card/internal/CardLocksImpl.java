package org.sscard.card.internal;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The hottest query pair of the service, written against Hibernate directly: the repository
 * proxy's per-call work was a tenth of an activation's CPU (measured in docs/performance.md).
 * Two statements, because Hibernate refuses to lock an outer-joined fetch in one query and its
 * follow-on locking would cost a statement per joined table; {@code NO KEY UPDATE} blocks other
 * writers of the card, not inserts of rows that reference it (audit events).
 */
class CardLocksImpl implements CardLocks {

	private final EntityManager entityManager;

	CardLocksImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Optional<Card> findForUpdate(String cardNumber) {
		Session session = this.entityManager.unwrap(Session.class);
		boolean locked = !session
			.createNativeQuery("select id from cards where card_number = :cardNumber for no key update", Long.class)
			.setParameter("cardNumber", cardNumber)
			.getResultList()
			.isEmpty();
		if (!locked) {
			return Optional.empty();
		}
		return session.createSelectionQuery(Cards.WHOLE_CARD, Card.class)
			.setParameter("cardNumber", cardNumber)
			.uniqueResultOptional();
	}

}
