package org.sscard.shared;

import java.util.regex.Pattern;

/**
 * The PIN policy, applied by every call that sets a PIN. The shape (exactly six digits) is a
 * syntax rule checked at binding time ({@link #SHAPE}); {@link #refusal} applies the business
 * rules, which need the holder's ID number.
 */
public final class NewPin {

	public static final String INITIAL = "123456";

	public static final String SHAPE = "\\d{6}";

	private static final Pattern SHAPE_PATTERN = Pattern.compile(SHAPE);

	private static final String ASCENDING = "0123456789";

	private static final String DESCENDING = "9876543210";

	private NewPin() {
	}

	/**
	 * Why {@code digits} may not become this holder's PIN: {@code INITIAL_PIN_NOT_ALLOWED} or
	 * {@code WEAK_PIN}; {@code null} when it may.
	 */
	public static Rejection refusal(String digits, IdNumber holder) {
		if (digits == null || !SHAPE_PATTERN.matcher(digits).matches()) {
			throw new IllegalArgumentException("a PIN is exactly six digits");
		}
		if (INITIAL.equals(digits)) {
			return Rejection.of(ErrorCode.INITIAL_PIN_NOT_ALLOWED,
					"The initial PIN 123456 cannot be kept; choose another six-digit PIN.");
		}
		String weakness = weakness(digits, holder);
		if (weakness != null) {
			return Rejection.of(ErrorCode.WEAK_PIN,
					"The new PIN is too easy to guess: " + weakness + ". Choose another six-digit PIN.");
		}
		return null;
	}

	private static String weakness(String digits, IdNumber holder) {
		if (digits.chars().distinct().count() == 1) {
			return "six equal digits";
		}
		if (ASCENDING.contains(digits) || DESCENDING.contains(digits)) {
			return "consecutive digits";
		}
		if (digits.equals(holder.birthDateYymmdd())) {
			return "the holder's birth date";
		}
		if (digits.equals(holder.lastSix())) {
			return "the last six characters of the holder's ID number";
		}
		return null;
	}

}
