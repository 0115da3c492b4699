package org.sscard.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than their retention. Safe on every instance at once: each run
 * is one idempotent DELETE, and two instances deleting the same rows only find less to do.
 */
@Component
class IdempotencyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	private final IdempotencyStore store;

	IdempotencyPurge(IdempotencyStore store) {
		this.store = store;
	}

	@Scheduled(fixedDelayString = "${sscard.idempotency.purge-interval:1h}", initialDelayString = "${sscard.idempotency.purge-interval:1h}")
	void purge() {
		int purged = this.store.purgeExpired();
		if (purged > 0) {
			log.info("Purged {} expired idempotency keys", purged);
		}
	}

}
