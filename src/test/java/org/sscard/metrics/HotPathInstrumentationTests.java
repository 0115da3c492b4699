package org.sscard.metrics;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instrumentation that sat on every request's path and told operators nothing that the HTTP
 * timers and the business counters do not: a profile of PIN verifications found it at 6 % of the
 * service's CPU (docs/performance.md, sixth pass). It stays off.
 */
class HotPathInstrumentationTests extends ApiTest {

	@Autowired
	SecurityObservationSettings observationSettings;

	@Autowired
	MeterRegistry registry;

	@Test
	void springSecurityObservesNothing() {
		// Read by Spring Security as it builds its filter chains, authentication and authorization:
		// whatever it allows is wrapped in an observation. (Whether the wrapping happens also
		// depends on the observation registry's handlers at that moment, which in a test context
		// are not yet there; so the settings are checked, not the filter chain.)
		assertThat(this.observationSettings.shouldObserveRequests()).isFalse();
		assertThat(this.observationSettings.shouldObserveAuthentications()).isFalse();
		assertThat(this.observationSettings.shouldObserveAuthorizations()).isFalse();
	}

	@Test
	void logEventsAreNotCountedByAFilterOnEveryLoggingCall() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

		// A turbo filter runs on every check of a level, enabled or not (Micrometer's counted events).
		assertThat(logging.getTurboFilterList()).isEmpty();
		assertThat(this.registry.find("logback.events").meters()).isEmpty();
	}

}
