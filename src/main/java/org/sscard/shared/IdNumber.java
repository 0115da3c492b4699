package org.sscard.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An 18-character resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date,
 * 3-digit sequence, ISO 7064 MOD 11-2 check character ({@code X} for 10). {@link #toString()}
 * is masked so that a full ID number cannot reach a log line by accident.
 */
public final class IdNumber {

	private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private final String value;

	private IdNumber(String value) {
		this.value = value;
	}

	/** Parses and checks an ID number; a lower-case {@code x} is accepted. */
	public static IdNumber parse(String text) {
		String candidate = (text == null) ? "" : text.trim().toUpperCase(Locale.ROOT);
		if (!isValid(candidate)) {
			throw new IllegalArgumentException("not a valid resident ID number");
		}
		return new IdNumber(candidate);
	}

	public static boolean isValid(String text) {
		if (text == null) {
			return false;
		}
		String candidate = text.trim().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(candidate).matches() || !RegionCode.isValid(candidate.substring(0, 6))) {
			return false;
		}
		LocalDate birth = birthDateOf(candidate);
		if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
			return false;
		}
		return checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17);
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static LocalDate birthDateOf(String candidate) {
		try {
			return LocalDate.of(Integer.parseInt(candidate.substring(6, 10)),
					Integer.parseInt(candidate.substring(10, 12)), Integer.parseInt(candidate.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	public String value() {
		return this.value;
	}

	/** The birth date as YYMMDD, a PIN the holder must not choose. */
	public String birthDateYymmdd() {
		return this.value.substring(8, 14);
	}

	public String lastSix() {
		return this.value.substring(12);
	}

	public String masked() {
		return Masking.idNumber(this.value);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof IdNumber id) && id.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
