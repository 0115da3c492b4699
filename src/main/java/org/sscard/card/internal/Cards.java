package org.sscard.card.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Cards, always loaded whole (holder and both accounts) in one query. */
interface Cards extends JpaRepository<Card, Long>, CardLocks {

	String WHOLE_CARD = "select c from Card c join fetch c.holder join fetch c.socialSecurityAccount "
			+ "left join fetch c.financialAccount where c.cardNumber = :cardNumber";

	@Query(WHOLE_CARD)
	Optional<Card> findByCardNumber(String cardNumber);

	boolean existsByCardNumber(String cardNumber);

}
