package org.sscard.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than their retention, every {@code sscard.idempotency.purge-interval}.
 * Safe on every instance at once: each run is one idempotent DELETE, and two instances deleting the
 * same rows only find less to do.
 */
@Component
class IdempotencyPurge implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	private final IdempotencyStore store;

	private final IdempotencyProperties properties;

	IdempotencyPurge(IdempotencyStore store, IdempotencyProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(
				new FixedDelayTask(this::purge, this.properties.purgeInterval(), this.properties.purgeInterval()));
	}

	void purge() {
		int purged = this.store.purgeExpired();
		if (purged > 0) {
			log.info("Purged {} expired idempotency keys", purged);
		}
	}

}
