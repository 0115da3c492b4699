package org.sscard.shared;

import java.time.Duration;
import java.util.Map;

/**
 * A business refusal as a value: the contract's error code, a detail meant for the person at the
 * window, and extra problem properties (e.g. {@code remainingAttempts}). The card aggregate
 * returns these instead of throwing, so that a use case can keep what a refusal must leave behind
 * (its audit event, a mismatch count) in the same unit of work, and answer afterwards. A refusal
 * that will pass with time says when ({@code retryAfter}, the {@code Retry-After} header).
 */
public record Rejection(ErrorCode code, String detail, Map<String, Object> properties, Duration retryAfter) {

	public Rejection {
		properties = Map.copyOf(properties);
	}

	public Rejection(ErrorCode code, String detail, Map<String, Object> properties) {
		this(code, detail, properties, null);
	}

	public static Rejection of(ErrorCode code, String detail) {
		return new Rejection(code, detail, Map.of());
	}

	public DomainException toException() {
		Map<String, String> headers = (this.retryAfter == null) ? Map.of()
				: Map.of("Retry-After", Long.toString(Math.max(1, (this.retryAfter.toMillis() + 999) / 1000)));
		return new DomainException(this.code, this.detail, this.properties, headers, null);
	}

}
