package org.sscard.shared;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one failure type of the domain: carries a contract error code, a detail meant for the
 * person at the window, and optional extra problem properties (e.g. {@code remainingAttempts}).
 * Its message never contains a PIN or a full ID number.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> properties;

	private final Duration retryAfter;

	public DomainException(ErrorCode code, String detail) {
		this(code, detail, Map.of());
	}

	public DomainException(ErrorCode code, String detail, Map<String, Object> properties) {
		this(code, detail, properties, null);
	}

	public DomainException(ErrorCode code, String detail, Map<String, Object> properties, Duration retryAfter) {
		super(detail, null, false, false);
		this.code = code;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		this.retryAfter = retryAfter;
	}

	public ErrorCode code() {
		return this.code;
	}

	public String detail() {
		return getMessage();
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	/** When a retry may succeed, for the {@code Retry-After} header; {@code null} when it will not by itself. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
