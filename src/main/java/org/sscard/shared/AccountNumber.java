package org.sscard.shared;

import java.util.regex.Pattern;

/** A UnionPay bank account (card) number: 16-19 digits ending in a Luhn check digit. */
public final class AccountNumber {

	private static final Pattern SHAPE = Pattern.compile("\\d{16,19}");

	private AccountNumber() {
	}

	public static boolean isValid(String number) {
		return number != null && SHAPE.matcher(number).matches() && luhn(number);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

}
