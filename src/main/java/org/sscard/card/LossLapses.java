package org.sscard.card;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardStore;
import org.sscard.card.internal.LossProperties;
import org.sscard.shared.Failures;

/**
 * Ends temporary loss reports whose period has passed: every {@code sscard.loss.lapse-check-interval}
 * each instance takes the lapsed cards with {@code FOR NO KEY UPDATE SKIP LOCKED}, returns them to
 * NORMAL and records {@code LOSS_RELEASED} by {@code system}, in batches of one transaction each.
 * <p>
 * Why row locks rather than a scheduler lock (ShedLock): the expiry is stored on the card, so the
 * database already knows what is due and a restart or a crash loses nothing (the next run finds
 * it); a skipped row is one another instance (or a call on that card) holds, so several instances
 * share the work without waiting and never release one card twice, as the released card is no
 * longer TEMPORARILY_LOST when the lock is let go; and there is no lock table nor lease to tune.
 */
@Service
public class LossLapses implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LossLapses.class);

	private static final int BATCH = 100;

	private final CardStore cards;

	private final LossProperties loss;

	private final TransactionTemplate transactions;

	LossLapses(CardStore cards, LossProperties loss, PlatformTransactionManager transactionManager) {
		this.cards = cards;
		this.loss = loss;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, this.loss.lapseCheckInterval());
	}

	/** One scheduled run. While the database is down it says so in one line; the next run catches up. */
	private void run() {
		try {
			releaseLapsed(Instant.now());
		}
		catch (RuntimeException ex) {
			if (!Failures.databaseUnavailable(ex)) {
				throw ex;
			}
			log.warn("Lapsed temporary loss reports not released: database unavailable; retrying in {}",
					this.loss.lapseCheckInterval());
		}
	}

	/**
	 * Releases every temporary loss report lapsed at {@code now} that no other instance is
	 * releasing at this moment.
	 * @return how many this call released
	 */
	public int releaseLapsed(Instant now) {
		int released = 0;
		int taken;
		do {
			int[] batch = this.transactions.execute((status) -> releaseBatch(now));
			taken = batch[0];
			released += batch[1];
		}
		while (taken == BATCH);
		if (released > 0) {
			log.info("Released {} lapsed temporary loss report(s)", released);
		}
		return released;
	}

	/** @return the cards taken and the cards released */
	private int[] releaseBatch(Instant now) {
		List<String> lapsed = this.cards.lockLapsedTemporaryLosses(now, BATCH);
		int released = 0;
		for (String cardNumber : lapsed) {
			Card card = this.cards.findForUpdate(cardNumber).orElseThrow();
			if (card.lapseTemporaryLoss(now)) {
				this.cards.publishEvents(card);
				released++;
			}
		}
		return new int[] { lapsed.size(), released };
	}

}
