package org.sscard.shared;

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

	public DomainException(ErrorCode code, String detail) {
		this(code, detail, Map.of());
	}

	public DomainException(ErrorCode code, String detail, Map<String, Object> properties) {
		super(detail, null, false, false);
		this.code = code;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
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

}
