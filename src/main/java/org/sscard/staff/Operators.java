package org.sscard.staff;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Operators extends JpaRepository<Operator, Long> {

	Optional<Operator> findByUsername(String username);

	boolean existsByUsername(String username);

}
