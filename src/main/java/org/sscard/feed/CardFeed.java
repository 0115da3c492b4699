package org.sscard.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.sscard.card.CardEvent;
import org.sscard.card.CardEvent.AccountActivated;
import org.sscard.card.CardEvent.AccountLocked;
import org.sscard.card.CardEvent.AccountUnlocked;
import org.sscard.card.CardEvent.CardCancelled;
import org.sscard.card.CardEvent.CardIssued;
import org.sscard.card.CardEvent.CardReplaced;
import org.sscard.card.CardEvent.LossReleased;
import org.sscard.card.CardEvent.LossReported;
import org.sscard.card.CardEvent.PinChanged;
import org.sscard.card.CardEvent.PinReset;

/**
 * The card's state changes, as the feed tells them: each written in the transaction of the change
 * (a plain listener, not an after-commit one, or the outbox would lose its guarantee). Refusals and
 * PIN verifications change no state and are not in the feed; a lock is, although the call that
 * caused it was refused.
 */
@Component
class CardFeed {

	private static final Logger log = LoggerFactory.getLogger(CardFeed.class);

	private final EventFeed feed;

	private final boolean enabled;

	CardFeed(EventFeed feed, FeedProperties properties) {
		this.feed = feed;
		this.enabled = properties.enabled();
		if (!this.enabled) {
			log.warn("sscard.feed.enabled=false: card changes are not written to the event feed nor published; "
					+ "this setting exists only to measure the feed's cost");
		}
	}

	@EventListener
	void on(CardIssued event) {
		append("CARD_ISSUED", event);
	}

	@EventListener
	void on(AccountActivated event) {
		append("ACCOUNT_ACTIVATED", event);
	}

	@EventListener
	void on(AccountLocked event) {
		append("ACCOUNT_LOCKED", event);
	}

	@EventListener
	void on(AccountUnlocked event) {
		append("ACCOUNT_UNLOCKED", event);
	}

	@EventListener
	void on(PinReset event) {
		append("PIN_RESET", event);
	}

	@EventListener
	void on(PinChanged event) {
		append("PIN_CHANGED", event);
	}

	@EventListener
	void on(LossReported event) {
		append("LOSS_REPORTED", event);
	}

	@EventListener
	void on(LossReleased event) {
		append("LOSS_RELEASED", event);
	}

	@EventListener
	void on(CardReplaced event) {
		append("CARD_REPLACED", event);
	}

	@EventListener
	void on(CardCancelled event) {
		append("CARD_CANCELLED", event);
	}

	private void append(String type, CardEvent event) {
		if (!this.enabled) {
			return;
		}
		this.feed.append(new FeedEntry(type, event.card().cardNumber(), event.part().name(),
				(event.by().channel() != null) ? event.by().channel().name() : null, event.by().branchCode(),
				event.card().bankCode(), event.occurredAt()));
	}

}
