package org.sscard.shared;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code: province (2), city (2), county (2) digits. Two codes
 * are in the same insured region when they name the same city, i.e. share the first four digits.
 */
public final class RegionCode {

	private static final Pattern SHAPE = Pattern.compile("\\d{6}");

	/** Province-level prefixes of GB/T 2260, including Taiwan, Hong Kong and Macao. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	private RegionCode() {
	}

	public static boolean isValid(String code) {
		return code != null && SHAPE.matcher(code).matches() && PROVINCES.contains(code.substring(0, 2));
	}

	public static String cityOf(String code) {
		return code.substring(0, 4);
	}

	public static boolean sameCity(String a, String b) {
		return a != null && b != null && cityOf(a).equals(cityOf(b));
	}

}
