package org.sscard.shared;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number. Callers may type {@code +86}, spaces and hyphens; the value is
 * always the 11 digits {@code 1[3-9]\d{9}}. Same contract as {@link IdNumber}: {@link #parse}
 * throws on anything else, {@link #isValid} tells beforehand, {@link #toString()} is masked.
 */
public record Phone(String value) {

	private static final Pattern SEPARATORS = Pattern.compile("[ -]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	public Phone {
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a mainland mobile number");
		}
	}

	/** Parses a number as typed; {@code +86}, spaces and hyphens are dropped. */
	public static Phone parse(String text) {
		String digits = digitsOf(text);
		if (digits == null) {
			throw new IllegalArgumentException("not a mainland mobile number");
		}
		return new Phone(digits);
	}

	public static boolean isValid(String text) {
		return digitsOf(text) != null;
	}

	private static String digitsOf(String text) {
		if (text == null || text.length() > 32) {
			return null;
		}
		String digits = SEPARATORS.matcher(text).replaceAll("");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return MOBILE.matcher(digits).matches() ? digits : null;
	}

	public String masked() {
		return Masking.phone(this.value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
