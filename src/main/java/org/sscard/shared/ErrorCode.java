package org.sscard.shared;

import org.springframework.http.HttpStatus;

/**
 * The stable, machine-readable error codes of the HTTP contract. Callers branch on these, so a
 * code is never renamed; new ones may be added.
 */
public enum ErrorCode {

	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Request is not valid"),
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for this caller"),
	CARD_NOT_FOUND(HttpStatus.NOT_FOUND, "Card not found"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
	ALREADY_ACTIVE(HttpStatus.CONFLICT, "Account already active"),
	NOT_ACTIVE(HttpStatus.CONFLICT, "Account not active"),
	NOT_LOCKED(HttpStatus.CONFLICT, "Account not locked"),
	CARD_BLOCKED(HttpStatus.CONFLICT, "Card not in service"),
	HOLDER_HAS_CARD(HttpStatus.CONFLICT, "Holder already has a card"),
	DUPLICATE(HttpStatus.CONFLICT, "Already exists"),
	CONCURRENT_UPDATE(HttpStatus.CONFLICT, "Changed by another request"),
	IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "Idempotency key in use"),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	PIN_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "PIN does not match"),
	INITIAL_PIN_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT, "Initial PIN not allowed"),
	WEAK_PIN(HttpStatus.UNPROCESSABLE_CONTENT, "PIN too weak"),
	OUTSIDE_INSURED_REGION(HttpStatus.UNPROCESSABLE_CONTENT, "Outside the insured region"),
	WRONG_BANK(HttpStatus.UNPROCESSABLE_CONTENT, "Account held at another bank"),
	IDENTITY_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "Identity does not match"),
	NO_FINANCIAL_ACCOUNT(HttpStatus.UNPROCESSABLE_CONTENT, "Card has no financial account"),
	CURRENCY_NOT_SUPPORTED(HttpStatus.UNPROCESSABLE_CONTENT, "Currency not supported"),
	CREDIT_NOT_SUPPORTED(HttpStatus.UNPROCESSABLE_CONTENT, "Credit not supported"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
	PIN_UNCHANGED(HttpStatus.UNPROCESSABLE_CONTENT, "New PIN equals the current PIN"),
	PHONE_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "Phone number required"),
	ACCOUNT_LOCKED(HttpStatus.LOCKED, "Account locked"),
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	IDENTITY_CHECKS_EXHAUSTED(HttpStatus.TOO_MANY_REQUESTS, "Identity checks exhausted"),
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

	private final HttpStatus status;

	private final String title;

	ErrorCode(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** The code for a failure known only by its HTTP status (raised by Spring or the container). */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 400 && status < 500) ? VALIDATION_FAILED : INTERNAL_ERROR;
		};
	}

	/** The problem {@code type} URI: stable, one per code. */
	public String typeUri() {
		return "https://sscard.org/problems/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
