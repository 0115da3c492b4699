package org.sscard.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
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
 * Turns the audit trail's state changes into the feed: numbers them into {@code feed_events} in an
 * order in which a reader who stores the last position it read and asks for what comes after it
 * never misses an entry and never sees one twice.
 *
 * <p>A change writes nothing for the feed: its audit event, written in the change's transaction,
 * carries that transaction's id ({@code activation_events.tx}). A database sequence would not give
 * a reader's order (transaction A takes 5, B takes 6 and commits, a reader reads 6 and stores it,
 * then A commits 5 behind the reader), and neither do transaction ids. So each round, one at a
 * time across all instances (the row lock on {@code feed_head}), numbers in one statement the
 * events that statement sees as committed and that were not yet committed in the previous round's
 * snapshot (the database function {@code feed_unnumbered}), and stores its own snapshot for the
 * next round: whatever a reader sees is a gap-free prefix of the positions, and what commits later
 * gets a later position. A transaction still open delays only its own changes.
 *
 * <p>A commit wakes its own instance's sequencer; each instance also runs every
 * {@code sscard.feed.interval}, which numbers another instance's changes (and those of an instance
 * that crashed right after committing).
 */
@Component
class FeedSequencer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedSequencer.class);

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
		this.worker = new Worker("feed-sequencer", properties.interval(), properties.linger(),
				properties.enabled() ? this::sequenceAll : this::skip);
		if (!properties.enabled()) {
			log.warn("sscard.feed.enabled=false: card changes are not numbered into the event feed nor published; "
					+ "this setting exists only to measure the feed's cost");
		}
	}

	/**
	 * The commit of a change that the feed tells. Verifications, mismatches and refusals are not
	 * listened to at all: each listened-to event costs its transaction a synchronization.
	 */
	@TransactionalEventListener({ CardIssued.class, AccountActivated.class, AccountLocked.class,
			AccountUnlocked.class, PinReset.class, PinChanged.class, LossReported.class, LossReleased.class,
			CardReplaced.class, CardCancelled.class })
	void on(CardEvent event) {
		this.worker.wakeUp();
	}

	private void sequenceAll() {
		int numbered;
		int total = 0;
		do {
			numbered = sequence();
			total += numbered;
		}
		while (numbered >= this.batchSize);
		if (total > 0) {
			this.publisher.wakeUp();
		}
	}

	/** Numbers the committed, unnumbered state changes, and entries left from earlier releases; returns how many. */
	int sequence() {
		// Most idle rounds find nothing: look without taking the lock (a change committed meanwhile
		// is numbered by the round its own commit triggers).
		String since = this.jdbc.queryForObject("select last_snapshot::text from feed_head", String.class);
		if (!Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from feed_unnumbered(?::pg_snapshot))
				    or (select min(id) from feed_outbox) is not null
				    or exists (select 1 from feed_events where position is null)
				    or pg_snapshot_xmax(?::pg_snapshot) > pg_snapshot_xmax(pg_current_snapshot())""", Boolean.class,
				since, since))) {
			return 0;
		}
		Integer numbered = this.transactions.execute((status) -> {
			// Waits for another instance's sequencer to commit; the statements below then see its
			// positions and its snapshot, and every change committed before this lock was taken.
			Head head = this.jdbc.queryForObject("""
					select last_position, last_snapshot::text,
					       pg_snapshot_xmax(last_snapshot) > pg_snapshot_xmax(pg_current_snapshot())
					from feed_head for update""", (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
			if (head.aheadOfTheDatabase()) {
				// Transaction ids only grow, except after a restore into a new cluster (pg_dump, not a
				// physical backup or a promoted standby): the stored snapshot is then in the future, and
				// every change would look numbered already. The round below stores the present one.
				log.error("The feed's last snapshot is ahead of the database's transaction ids (restored into a "
						+ "new cluster?): it starts again from now; changes committed since the restore and not yet "
						+ "in the feed are not in it. See docs/deployment.md, \"Event feed\".");
			}
			int legacy = numberLegacyEntries(head.lastPosition());
			// One statement, so that the snapshot stored is the one whose changes were numbered: a
			// change committed after it stays unnumbered against it and goes to the next round. The
			// last snapshot goes in as a value, for the planner's estimate (V25).
			long first = head.lastPosition() + legacy;
			return legacy + this.jdbc.queryForObject("""
					with numbered as (
					    insert into feed_events (position, event_id, type, occurred_at, card_number, account, channel,
					                             branch_code, bank_code)
					    select ? + row_number() over (order by u.id), gen_random_uuid(), u.type, u.occurred_at,
					           c.card_number, u.account, u.channel, u.branch_code, f.bank_code
					    from feed_unnumbered(?::pg_snapshot) u
					    join cards c on c.id = u.card_id
					    left join financial_accounts f on f.card_id = u.card_id
					    returning 1)
					update feed_head set last_position = ? + (select count(*) from numbered),
					                     last_snapshot = pg_current_snapshot()
					returning (select count(*) from numbered)::int""", Integer.class, first, head.lastSnapshot(), first);
		});
		return (numbered != null) ? numbered : 0;
	}

	/**
	 * Entries that instances of earlier releases wrote for the feed themselves: into
	 * {@code feed_outbox} before V25 (which drops new ones), unnumbered into {@code feed_events}
	 * before V24. Numbers up to a batch of them after {@code last}; drop in a later release.
	 */
	private int numberLegacyEntries(long last) {
		int count = this.jdbc.update("""
				with batch as (
				    delete from feed_outbox where id in (select id from feed_outbox order by id limit ?)
				    returning *)
				insert into feed_events (position, event_id, type, occurred_at, card_number, account, channel,
				                         branch_code, bank_code)
				select ? + row_number() over (order by id), event_id, type, occurred_at, card_number, account,
				       channel, branch_code, bank_code
				from batch""", this.batchSize, last);
		count += this.jdbc.update("""
				update feed_events e set position = ? + b.n
				from (select id, row_number() over (order by id) as n
				      from feed_events where position is null order by id limit ?) b
				where e.id = b.id""", last + count, this.batchSize - count);
		return count;
	}

	/** With the feed off, the changes of the moment are passed over for good rather than numbered later. */
	private void skip() {
		this.jdbc.update("update feed_head set last_snapshot = pg_current_snapshot()");
	}

	private record Head(long lastPosition, String lastSnapshot, boolean aheadOfTheDatabase) {
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
