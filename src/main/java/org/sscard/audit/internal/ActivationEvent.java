package org.sscard.audit.internal;

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
import org.sscard.audit.AuditAction;
import org.sscard.audit.EventView;
import org.sscard.audit.Outcome;
import org.sscard.card.CardEvent;
import org.sscard.card.CardPart;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.Masking;
import org.sscard.shared.Phone;

/** One entry of a card's audit trail. Written once; the database refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "activation_events")
public class ActivationEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long cardId;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private CardPart account;

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

	private ActivationEvent(CardEvent event, AuditAction action, ErrorCode rejection, Phone phoneBefore,
			Phone phoneAfter) {
		this.cardId = event.card().id();
		this.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
		this.account = event.part();
		this.action = action;
		this.outcome = (rejection == null) ? Outcome.SUCCEEDED : Outcome.REJECTED;
		this.code = (rejection == null) ? null : rejection.name();
		this.channel = event.by().channel();
		this.branchCode = event.by().branchCode();
		this.actor = event.by().name();
		this.phoneBefore = (phoneBefore != null) ? phoneBefore.value() : null;
		this.phoneAfter = (phoneAfter != null) ? phoneAfter.value() : null;
	}

	public static ActivationEvent succeeded(CardEvent event, AuditAction action) {
		return new ActivationEvent(event, action, null, null, null);
	}

	/** A success that set the holder's contact phone (masked whenever it is shown). */
	public static ActivationEvent withPhones(CardEvent event, AuditAction action, Phone phoneBefore, Phone phoneAfter) {
		return new ActivationEvent(event, action, null, phoneBefore, phoneAfter);
	}

	public static ActivationEvent rejected(CardEvent event, AuditAction action, ErrorCode code) {
		return new ActivationEvent(event, action, code, null, null);
	}

	public EventView view() {
		return new EventView(this.id, this.occurredAt, this.account, this.action, this.outcome, this.code,
				this.channel, this.branchCode, this.actor, Masking.phone(this.phoneBefore),
				Masking.phone(this.phoneAfter));
	}

}
