package org.sscard.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.sscard.shared.RegionCode;

/**
 * The names behind the codes a counter sees: GB/T 2260 regions and banks, read once from the
 * tab-separated tables in {@code reference/} (code, Chinese name, English name; {@code #} starts
 * a comment). A malformed table stops the service at start-up rather than showing wrong names.
 */
@Component
class ReferenceTables {

	private static final Predicate<String> BANK_CODE = (code) -> code.matches("[A-Z]{2,10}");

	private final List<Name> regions;

	private final List<Name> banks;

	ReferenceTables() {
		this.regions = read("reference/regions.tsv", RegionCode::isValid);
		this.banks = read("reference/banks.tsv", BANK_CODE);
	}

	List<Name> regions() {
		return this.regions;
	}

	List<Name> banks() {
		return this.banks;
	}

	private static List<Name> read(String path, Predicate<String> validCode) {
		List<Name> names = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length != 3 || !validCode.test(columns[0]) || columns[1].isBlank() || columns[2].isBlank()) {
					throw new IllegalStateException(path + ": not a code, Chinese name and English name: " + line);
				}
				names.add(new Name(columns[0], columns[1], columns[2]));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path, ex);
		}
		if (names.stream().map(Name::code).distinct().count() != names.size()) {
			throw new IllegalStateException(path + ": a code is listed twice");
		}
		return List.copyOf(names);
	}

	/** A code and its names. */
	record Name(String code, String name, String nameEn) {
	}

}
