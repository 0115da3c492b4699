package org.sscard.card.internal;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The hottest query pair of the service, written against Hibernate directly: the repository
 * proxy's per-call work was a tenth of an activation's CPU (measured in docs/performance.md).
 * <p>
 * Two statements: lock the card's row, then load the card whole. The second statement takes its
 * snapshot after the lock is held, so it reads every part (holder, both accounts) as the change
 * that held the lock before left it; CardLockTests holds each part to that. One statement cannot
 * do both in HQL: Hibernate refuses to lock a query with an outer join, or drops the lock silently
 * with {@code FollowOn.IGNORE}, and its follow-on locking costs a statement per table. A native
 * statement that locks the card and then each part (a locked read returns a row's latest version)
 * saves the round trip but cost more service CPU in Hibernate's native-query mapping than it saved
 * (docs/performance.md, fifth pass). {@code NO KEY UPDATE} blocks other writers of the card, not
 * inserts of rows that reference it (audit events).
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
