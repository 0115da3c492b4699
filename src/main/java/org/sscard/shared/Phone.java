package org.sscard.shared;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number. Callers may type {@code +86}, spaces and hyphens; the stored
 * form is always the 11 digits {@code 1[3-9]\d{9}}.
 */
public final class Phone {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private Phone() {
	}

	/** The normalised 11 digits, or {@code null} if the text is not a mainland mobile number. */
	public static String normalise(String text) {
		if (text == null || text.length() > 32) {
			return null;
		}
		String digits = SEPARATORS.matcher(text.trim()).replaceAll("");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		return MOBILE.matcher(digits).matches() ? digits : null;
	}

	public static boolean isValid(String text) {
		return normalise(text) != null;
	}

}
