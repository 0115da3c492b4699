package org.sscard.card;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Cardholders extends JpaRepository<Cardholder, Long> {

	Optional<Cardholder> findByIdNumber(String idNumber);

}
