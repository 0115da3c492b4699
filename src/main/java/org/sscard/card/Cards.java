package org.sscard.card;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Cards, always loaded whole (holder and both accounts) in one query. */
public interface Cards extends JpaRepository<Card, Long> {

	String WHOLE_CARD = "select c from Card c join fetch c.holder join fetch c.socialSecurityAccount "
			+ "left join fetch c.financialAccount where c.cardNumber = :cardNumber";

	@Query(WHOLE_CARD)
	Optional<Card> findByCardNumber(String cardNumber);

	/**
	 * Loads a card for a change and locks its row until the transaction ends. Every write to a
	 * card goes through here, so concurrent calls on one card (on any instance) run one after the
	 * other: the second sees the first's result and answers from the state (e.g.
	 * {@code ALREADY_ACTIVE}) instead of racing it; a mismatch counter cannot lose an increment.
	 */
	// Two statements: Hibernate refuses to lock an outer-joined fetch in one query (even the root
	// row only), and its follow-on locking would cost a statement per joined table instead.
	default Optional<Card> findForUpdate(String cardNumber) {
		return lockRow(cardNumber).flatMap((id) -> findByCardNumber(cardNumber));
	}

	/** {@code NO KEY UPDATE}: blocks other writers of the card, not inserts of rows referencing it. */
	@Query(value = "select id from cards where card_number = :cardNumber for no key update", nativeQuery = true)
	Optional<Long> lockRow(String cardNumber);

	boolean existsByCardNumber(String cardNumber);

}
