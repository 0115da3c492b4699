package org.sscard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table names every {@code sscard.*} setting the configuration processor
 * found in the properties records (plus the additional metadata), so that a new setting cannot go
 * undocumented.
 */
class ConfigurationTableTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Pattern NAME = Pattern.compile("`([a-z0-9.-]+)(?:\\.<[a-z]+>)?`");

	@Test
	void everySscardSettingIsInTheReadmesConfigurationTable() throws IOException {
		Set<String> settings = new TreeSet<>();
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("sscard.")) {
				settings.add(name);
			}
		}
		List<String> documented = documentedNames(Files.readString(Path.of("README.md")));

		assertThat(settings).as("the metadata holds the settings").contains("sscard.jwt.ttl", "sscard.demo-data",
				"sscard.api-docs.public", "sscard.idempotency.retention", "sscard.login.free-attempts-per-user");
		assertThat(settings).as("settings missing from the README's configuration table")
			.allSatisfy((setting) -> assertThat(documented).contains(setting));
	}

	/** The names in the first column of the table under "## Configuration". */
	private static List<String> documentedNames(String readme) {
		int start = readme.indexOf("\n## Configuration\n");
		assertThat(start).as("the README has a Configuration section").isPositive();
		int end = readme.indexOf("\n## ", start + 1);
		List<String> names = new ArrayList<>();
		readme.substring(start, (end > 0) ? end : readme.length()).lines()
			.filter((line) -> line.startsWith("| `"))
			.forEach((row) -> {
				Matcher matcher = NAME.matcher(row.substring(1, row.indexOf('|', 1)));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			});
		return names;
	}

}
