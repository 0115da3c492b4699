package org.sscard.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful shutdown behind a load balancer: readiness turns
 * {@code REFUSING_TRAFFIC} (so {@code /actuator/health/readiness} answers 503) while the service
 * keeps serving for {@code sscard.http.drain-delay}; only then does the web server's graceful
 * shutdown stop accepting connections and drain the calls in flight. Without the delay, a call the
 * balancer sends in the moment between the two finds the port closed, or its connection reset.
 * Stopped first: its phase is the highest.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ApplicationEventPublisher events;

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrain(ApplicationEventPublisher events, HttpProperties properties) {
		this.events = events;
		this.delay = properties.drainDelay();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running && !this.delay.isZero()) {
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
			log.info("Shutting down: not ready any more, serving {} more for the load balancer to notice", this.delay);
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
