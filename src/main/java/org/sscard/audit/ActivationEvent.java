package org.sscard.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.Masking;

/** One entry of a card's audit trail. Written once; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "activation_events")
class ActivationEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long cardId;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private AuditedAccount account;

	@Enumerated(EnumType.STRING)
	private AuditAction action;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String code;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String branchCode;

	private String actor;

	private String phoneBefore;

	private String phoneAfter;

	protected ActivationEvent() {
	}

	ActivationEvent(Long cardId, AuditedAccount account, AuditAction action, ErrorCode rejection, Actor actor,
			String phoneBefore, String phoneAfter) {
		this.cardId = cardId;
		this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.account = account;
		this.action = action;
		this.outcome = (rejection == null) ? Outcome.SUCCEEDED : Outcome.REJECTED;
		this.code = (rejection == null) ? null : rejection.name();
		this.channel = actor.channel();
		this.branchCode = actor.branchCode();
		this.actor = actor.name();
		this.phoneBefore = phoneBefore;
		this.phoneAfter = phoneAfter;
	}

	EventView view() {
		return new EventView(this.occurredAt, this.account, this.action, this.outcome, this.code, this.channel,
				this.branchCode, this.actor, Masking.phone(this.phoneBefore),
				Masking.phone(this.phoneAfter));
	}

}
