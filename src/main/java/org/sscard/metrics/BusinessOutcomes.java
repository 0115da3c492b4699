package org.sscard.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.sscard.card.CardEvent;
import org.sscard.card.CardEvent.AccountLocked;
import org.sscard.card.CardEvent.PinMismatchCounted;
import org.sscard.card.CardEvent.RequestRejected;
import org.sscard.shared.ErrorCode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What happened to cards, for operators: a counter per business outcome (which call, which part
 * of the card, succeeded or refused with which code, through which channel) and one log line per
 * outcome, with no personal data (the card number is not the holder's). Counted once the change
 * committed, so a rolled-back call counts nothing.
 */
@Component
class BusinessOutcomes {

	private static final Logger log = LoggerFactory.getLogger("sscard.outcomes");

	private final MeterRegistry registry;

	BusinessOutcomes(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CardEvent event) {
		String action = event.getClass().getSimpleName();
		String code = codeOf(event);
		String outcome = (code == null) ? "succeeded" : "rejected";
		String channel = (event.by().channel() != null) ? event.by().channel().name() : "none";
		Counter.builder("sscard.card.outcomes")
			.description("Business outcomes of calls on cards")
			.tag("action", action)
			.tag("account", event.part().name())
			.tag("outcome", outcome)
			.tag("code", (code != null) ? code : "none")
			.tag("channel", channel)
			.register(this.registry)
			.increment();
		if (event instanceof AccountLocked) {
			Counter.builder("sscard.pin.lockouts").description("Accounts locked by wrong PINs")
				.tag("account", event.part().name())
				.register(this.registry)
				.increment();
		}
		if (ErrorCode.IDENTITY_CHECKS_EXHAUSTED.name().equals(code)) {
			Counter.builder("sscard.identity.blocked")
				.description("Identity-bearing calls refused because a card had too many identity mismatches")
				.register(this.registry)
				.increment();
		}
		log.info("card={} action={} account={} outcome={} code={} channel={} branch={}", event.card().cardNumber(),
				action, event.part(), outcome, (code != null) ? code : "-", channel,
				(event.by().branchCode() != null) ? event.by().branchCode() : "-");
	}

	private static String codeOf(CardEvent event) {
		if (event instanceof RequestRejected rejected) {
			return rejected.code().name();
		}
		if (event instanceof PinMismatchCounted) {
			return ErrorCode.PIN_MISMATCH.name();
		}
		if (event instanceof AccountLocked) {
			return ErrorCode.ACCOUNT_LOCKED.name();
		}
		return null;
	}

}
