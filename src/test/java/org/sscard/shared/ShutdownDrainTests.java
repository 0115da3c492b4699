package org.sscard.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;

/** On shutdown the service says it is not ready, then keeps serving for the drain delay. */
class ShutdownDrainTests {

	@Test
	void stoppingRefusesTrafficFirstAndWaitsTheDrainDelay() {
		List<Object> published = new ArrayList<>();
		ShutdownDrain drain = new ShutdownDrain(published::add, new HttpProperties(Duration.ofSeconds(10), Duration.ofMillis(300), null));
		drain.start();

		long started = System.nanoTime();
		drain.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(published).singleElement()
			.satisfies((event) -> assertThat(((AvailabilityChangeEvent<?>) event).getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(drain.isRunning()).isFalse();
	}

	@Test
	void withoutADelayNothingChanges() {
		List<Object> published = new ArrayList<>();
		ShutdownDrain drain = new ShutdownDrain(published::add, new HttpProperties(Duration.ofSeconds(10), Duration.ZERO, null));
		drain.start();
		drain.stop();
		assertThat(published).isEmpty();
	}

}
