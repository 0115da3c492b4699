package org.sscard.audit.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ActivationEvents extends JpaRepository<ActivationEvent, Long> {

	/** The newest events of a card, newest first. */
	List<ActivationEvent> findByCardIdOrderByIdDesc(Long cardId, Limit limit);

	/** The events of a card older than the event {@code before}, newest first. */
	List<ActivationEvent> findByCardIdAndIdLessThanOrderByIdDesc(Long cardId, Long before, Limit limit);

}
