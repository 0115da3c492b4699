package org.sscard.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service takes requests, and how long clients may take.
 *
 * @param bodyTimeout how long a client may take to send the body it announced; then 408 and the
 * connection is closed ({@code SSCARD_HTTP_BODY_TIMEOUT})
 * @param drainDelay on shutdown, how long the service keeps serving after it reports itself not
 * ready, so that a load balancer's health checks take it out before it stops accepting
 * connections ({@code SSCARD_HTTP_DRAIN_DELAY}; 0 for a single instance, a little more than the
 * balancer's checks need behind one)
 * @param threads request threads ({@code SSCARD_HTTP_THREADS}); by default two per processor the
 * JVM sees: a call is short CPU work around a few database round trips, so more threads than that
 * only queue for the CPU and make each call slower (measured in docs/performance.md)
 */
@ConfigurationProperties("sscard.http")
@Validated
record HttpProperties(@NotNull @DefaultValue("10s") Duration bodyTimeout, @NotNull @DefaultValue("0s") Duration drainDelay,
		@Positive Integer threads) {

	static final int THREADS_PER_PROCESSOR = 2;

	HttpProperties {
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalStateException("Setting sscard.http.body-timeout must be positive.");
		}
		if (drainDelay.isNegative()) {
			throw new IllegalStateException("Setting sscard.http.drain-delay must not be negative.");
		}
		if (threads == null) {
			threads = THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
		}
	}

}
