package org.sscard.card.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.sscard.shared.IdNumber;

interface Cardholders extends JpaRepository<Cardholder, Long> {

	Optional<Cardholder> findByIdNumber(IdNumber idNumber);

	/**
	 * Locks the holder's row until the transaction ends: issues and replacements for one holder
	 * then run one after the other, so the second sees the first's card (one person, one card).
	 */
	@Query(value = "select id from cardholders where id = :id for no key update", nativeQuery = true)
	Long lock(Long id);

	/**
	 * Records a holder unless one with this ID number exists. Two cards issued at the same time
	 * to one new holder (a replacement, on two instances) then share the holder instead of one
	 * of them failing on the unique ID number.
	 */
	@Modifying
	@Query(value = "insert into cardholders (id_number, name, created_at) values (:idNumber, :name, now()) "
			+ "on conflict (id_number) do nothing", nativeQuery = true)
	void addIfAbsent(String idNumber, String name);

}
