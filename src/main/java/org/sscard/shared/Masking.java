package org.sscard.shared;

/**
 * The masks of the contract: at most the first character of a name, the first 4 and last 4 of an
 * ID or account number, the first 3 and last 4 of a phone. Every response goes through these.
 */
public final class Masking {

	private Masking() {
	}

	public static String name(String name) {
		if (name == null || name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		int rest = name.codePointCount(first, name.length());
		return (rest == 0) ? "*" : name.substring(0, first) + "*".repeat(rest);
	}

	public static String idNumber(String id) {
		return keep(id, 4, 4);
	}

	public static String accountNumber(String number) {
		return keep(number, 4, 4);
	}

	public static String phone(String phone) {
		return keep(phone, 3, 4);
	}

	private static String keep(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
