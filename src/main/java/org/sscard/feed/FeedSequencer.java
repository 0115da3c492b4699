package org.sscard.feed;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed feed entries their positions, so that a reader who stores the last position it
 * read and asks for what comes after it never misses an entry and never sees one twice.
 *
 * <p>Written here rather than taken from Spring Modulith's event publication registry: the registry
 * keeps publications for listeners, with no reader-visible order. A database sequence would not
 * do either: transaction A takes 5, B takes 6 and commits, a reader reads 6 and stores it, then A
 * commits 5 behind the reader. So changes put their entries in {@code feed_outbox}, without a
 * position, and only this sequencer moves them into {@code feed_events}, numbered, in one
 * transaction at a time across all instances (the row lock on {@code feed_head}), and only those
 * already committed: whatever a reader sees is a gap-free prefix of the positions, and what
 * commits later gets a later position.
 *
 * <p>A commit wakes its own instance's sequencer at once; each instance also runs every
 * {@code sscard.feed.interval}, which numbers the entries of another instance that crashed before
 * numbering its own.
 */
@Component
class FeedSequencer implements SmartLifecycle {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final FeedPublisher publisher;

	private final int batchSize;

	private final Worker worker;

	FeedSequencer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, FeedPublisher publisher,
			FeedProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.publisher = publisher;
		this.batchSize = properties.batchSize();
		this.worker = new Worker("feed-sequencer", properties.interval(), properties.linger(), this::sequenceAll);
	}

	void wakeUp() {
		this.worker.wakeUp();
	}

	private void sequenceAll() {
		int numbered;
		int total = 0;
		do {
			numbered = sequence();
			total += numbered;
		}
		while (numbered == this.batchSize);
		if (total > 0) {
			this.publisher.wakeUp();
		}
	}

	/** Numbers up to a batch of committed, unnumbered entries in id order; returns how many. */
	int sequence() {
		// Most idle rounds find nothing: look without taking the lock (a row written meanwhile is
		// numbered by the round its own commit triggers).
		if (!Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select (select min(id) from feed_outbox) is not null
				    or exists (select 1 from feed_events where position is null)""", Boolean.class))) {
			return 0;
		}
		Integer numbered = this.transactions.execute((status) -> {
			// Waits for another instance's sequencer to commit; the statements below then see its
			// moves, and every entry committed before this lock was taken.
			long last = this.jdbc.queryForObject("select last_position from feed_head for update", Long.class);
			int count = this.jdbc.update("""
					with batch as (
					    delete from feed_outbox where id in (select id from feed_outbox order by id limit ?)
					    returning *)
					insert into feed_events (position, event_id, type, occurred_at, card_number, account, channel,
					                         branch_code, bank_code)
					select ? + row_number() over (order by id), event_id, type, occurred_at, card_number, account,
					       channel, branch_code, bank_code
					from batch""", this.batchSize, last);
			// Entries that an instance of a release before V24 wrote into feed_events during a
			// rolling upgrade; drop with feed_events_unpositioned_ix in a later release.
			count += this.jdbc.update("""
					update feed_events e set position = ? + b.n
					from (select id, row_number() over (order by id) as n
					      from feed_events where position is null order by id limit ?) b
					where e.id = b.id""", last + count, this.batchSize - count);
			if (count > 0) {
				this.jdbc.update("update feed_head set last_position = ?", last + count);
			}
			return count;
		});
		return (numbered != null) ? numbered : 0;
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		this.worker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

}
