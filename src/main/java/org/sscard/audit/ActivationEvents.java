package org.sscard.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActivationEvents extends JpaRepository<ActivationEvent, Long> {

	List<ActivationEvent> findByCardIdOrderByOccurredAtDescIdDesc(Long cardId);

}
