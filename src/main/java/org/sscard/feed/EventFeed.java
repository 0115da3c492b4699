package org.sscard.feed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event feed's only way in: appends an entry to {@code feed_outbox} inside the transaction of
 * the change it describes (a transactional outbox), so that an entry exists exactly when its change
 * was committed. Numbering for readers (the move into {@code feed_events}) and publication to
 * RabbitMQ happen after the commit.
 */
@Service
public class EventFeed {

	private final JdbcTemplate jdbc;

	private final FeedSequencer sequencer;

	EventFeed(JdbcTemplate jdbc, FeedSequencer sequencer) {
		this.jdbc = jdbc;
		this.sequencer = sequencer;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(FeedEntry entry) {
		this.jdbc.update(
				"insert into feed_outbox (event_id, type, occurred_at, card_number, account, channel, branch_code, bank_code) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), entry.type(),
				OffsetDateTime.ofInstant(entry.occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
				entry.cardNumber(), entry.account(), entry.channel(), entry.branchCode(), entry.bankCode());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				EventFeed.this.sequencer.wakeUp();
			}

		});
	}

}
