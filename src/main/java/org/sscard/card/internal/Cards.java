package org.sscard.card.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.sscard.shared.IdNumber;

/** Cards, always loaded whole (holder and both accounts) in one query. */
interface Cards extends JpaRepository<Card, Long>, CardLocks {

	String WHOLE_CARD = "select c from Card c join fetch c.holder join fetch c.socialSecurityAccount "
			+ "left join fetch c.financialAccount where c.cardNumber = :cardNumber";

	@Query(WHOLE_CARD)
	Optional<Card> findByCardNumber(String cardNumber);

	boolean existsByCardNumber(String cardNumber);

	/** The holder's cards, newest first. */
	@Query("select c from Card c join fetch c.holder h join fetch c.socialSecurityAccount "
			+ "left join fetch c.financialAccount where h.idNumber = :idNumber order by c.issuedAt desc, c.id desc")
	List<Card> findByHolderIdNumber(IdNumber idNumber);

	/** Whether the holder has a card that is neither replaced nor cancelled (one person, one card). */
	@Query("select count(c) > 0 from Card c where c.holder.id = :holderId "
			+ "and c.status not in (org.sscard.card.CardStatus.REPLACED, org.sscard.card.CardStatus.CANCELLED)")
	boolean holderHasLiveCard(Long holderId);

	/**
	 * Up to {@code limit} cards whose temporary loss report lapsed before {@code now}, locked, skipping
	 * those another instance has locked: several instances can run the lapse job at once, each card is
	 * released by exactly one of them, and a card being changed by a call is simply taken next time.
	 */
	@Query(value = "select card_number from cards where status = 'TEMPORARILY_LOST' and temporary_loss_expires_at <= :now "
			+ "order by temporary_loss_expires_at limit :limit for no key update skip locked", nativeQuery = true)
	List<String> lockLapsedTemporaryLosses(Instant now, int limit);

}
