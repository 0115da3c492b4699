package org.sscard.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one failure type of the domain: carries a contract error code, a detail meant for the
 * person at the window, and optional extra problem properties (e.g. {@code remainingAttempts})
 * and response headers (e.g. {@code Retry-After}). Its message never contains a PIN or a full ID
 * number. Filters and security entry points raise it too, and hand it to the
 * {@link ErrorTranslator} through {@link ErrorHandoff}.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> properties;

	private final Map<String, String> headers;

	public DomainException(ErrorCode code, String detail) {
		this(code, detail, Map.of());
	}

	public DomainException(ErrorCode code, String detail, Map<String, Object> properties) {
		this(code, detail, properties, Map.of(), null);
	}

	/**
	 * @param cause what went wrong underneath, if anything: when it is the database being
	 * unreachable the answer is 503 rather than {@code code}
	 */
	public DomainException(ErrorCode code, String detail, Map<String, Object> properties, Map<String, String> headers,
			Throwable cause) {
		super(detail, cause, false, false);
		this.code = code;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
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

	public Map<String, String> headers() {
		return this.headers;
	}

}
