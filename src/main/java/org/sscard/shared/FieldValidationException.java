package org.sscard.shared;

/** A 400 {@code VALIDATION_FAILED} about one field, for rules Bean Validation cannot express. */
public class FieldValidationException extends RuntimeException {

	private final String field;

	public FieldValidationException(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
