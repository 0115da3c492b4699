package org.sscard.staff;

import org.sscard.shared.FieldValidationException;

/** The rules for passwords and client secrets, for the checks Bean Validation does not make. */
final class Credentials {

	static final int MIN_PASSWORD = 12;

	static final int MIN_SECRET = 24;

	private Credentials() {
	}

	static void checkPassword(String password) {
		check("password", password, MIN_PASSWORD);
	}

	static void checkSecret(String secret) {
		check("secret", secret, MIN_SECRET);
	}

	private static void check(String field, String value, int min) {
		if (value.length() < min) {
			throw new FieldValidationException(field, "must be at least " + min + " characters");
		}
		if (!Utf8MaxBytes.Validator.fits(value, Utf8MaxBytes.BCRYPT)) {
			throw new FieldValidationException(field, "must be at most " + Utf8MaxBytes.BCRYPT + " bytes in UTF-8");
		}
	}

}
