package org.sscard.branch;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Branches extends JpaRepository<Branch, Long> {

	Optional<Branch> findByCode(String code);

	boolean existsByCode(String code);

}
