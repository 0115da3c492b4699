package org.sscard.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expand/contract rules of docs/deployment.md, checked on every migration of
 * src/main/resources/db/migration: during a rolling upgrade the previous release runs on the new
 * schema, so a migration may only add what that release does not see, never take away or change
 * what it uses. A statement that breaks a rule needs an entry in {@link #ALLOWED} with its reason
 * (for a contract step: the release since which nothing uses what it drops).
 */
class MigrationRulesTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** "file: rule" -> why it is safe. Keep reasons short and true. */
	static final Map<String, String> ALLOWED = Map.of(
			"V4__caller_names_up_to_255.sql: alter column type",
			"widens varchar(64) to varchar(255): no rewrite, and every value the old release writes still fits",
			"V10__card_events_paging.sql: alter column type",
			"widens activation_events.actor to varchar(255): no rewrite, old values and writers still fit",
			"V10__card_events_paging.sql: drop index without concurrently",
			"released before the service had production data; today it would be DROP INDEX CONCURRENTLY",
			"V10__card_events_paging.sql: index without concurrently",
			"released before the service had production data; today it would be CREATE INDEX CONCURRENTLY",
			"V15__card_lifecycle.sql: index without concurrently",
			"indexes new columns that are null everywhere when it runs; released before production data",
			"V16__one_live_card_per_holder.sql: index without concurrently",
			"released before production data; on 100M cards it must be built CONCURRENTLY in a release of its own",
			"V23__feed_publication_cursor.sql: drop index without concurrently",
			"feed_events holds only the unpurged entries (days, not years), so the brief exclusive lock is short; "
					+ "today it would be DROP INDEX CONCURRENTLY in a migration of its own");

	record Violation(String file, String rule, String statement) {

		String key() {
			return this.file + ": " + this.rule;
		}

	}

	private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern CREATE_INDEX = Pattern
		.compile("create\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?\\w+\\s+on\\s+(\\w+)");

	private static final Pattern DROP_INDEX = Pattern.compile("\\bdrop\\s+index\\s+(?!concurrently\\b)");

	private static final Pattern ADD_COLUMN = Pattern.compile("add\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?\\w+\\s+([^,;]*)");

	private static final Map<String, Pattern> FORBIDDEN = Map.of(
			"drop table", Pattern.compile("\\bdrop\\s+table\\b"),
			"drop column", Pattern.compile("\\bdrop\\s+column\\b"),
			"rename", Pattern.compile("\\brename\\s+(?:column\\s+)?\\w+\\s+to\\b|\\brename\\s+to\\b"),
			"alter column type", Pattern.compile("\\balter\\s+column\\s+\\w+\\s+(?:set\\s+data\\s+)?type\\b"),
			"set not null", Pattern.compile("\\bset\\s+not\\s+null\\b"));

	/** What breaks the rules in one migration's SQL (comments removed, lower case). */
	static List<Violation> check(String file, String sql) {
		String text = sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ").toLowerCase(Locale.ROOT);
		List<Violation> violations = new ArrayList<>();
		for (String statement : text.split(";")) {
			String flat = statement.replaceAll("\\s+", " ").trim();
			FORBIDDEN.forEach((rule, pattern) -> {
				if (pattern.matcher(flat).find()) {
					violations.add(new Violation(file, rule, flat));
				}
			});
			// A plain DROP INDEX takes an exclusive lock on its table: every call that reads or
			// writes the table queues behind it, and behind whatever long transaction it waits for.
			if (DROP_INDEX.matcher(flat).find()) {
				violations.add(new Violation(file, "drop index without concurrently", flat));
			}
			Matcher column = ADD_COLUMN.matcher(flat);
			while (column.find()) {
				String definition = column.group(1);
				if (definition.contains("not null") && !definition.contains("default")
						&& !definition.contains("generated")) {
					violations.add(new Violation(file, "not null column without default", flat));
				}
			}
		}
		Set<String> created = CREATE_TABLE.matcher(text).results().map((m) -> m.group(1)).collect(Collectors.toSet());
		Matcher index = CREATE_INDEX.matcher(text.replaceAll("\\s+", " "));
		while (index.find()) {
			if (index.group(1) == null && !created.contains(index.group(2))) {
				violations.add(new Violation(file, "index without concurrently", index.group()));
			}
		}
		return violations;
	}

	@Test
	void everyMigrationExpandsOnlyOrHasAReason() throws IOException {
		List<Violation> violations = new ArrayList<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).sorted().toList()) {
				violations.addAll(check(file.getFileName().toString(), Files.readString(file)));
			}
		}
		assertThat(violations).as("statements a running previous release would break (docs/deployment.md, "
				+ "\"Migrations: expand, then contract\"); add a reason to ALLOWED only for a true exception")
			.filteredOn((v) -> !ALLOWED.containsKey(v.key()))
			.isEmpty();
		assertThat(ALLOWED.keySet()).as("allow-list entries that no longer match anything")
			.allMatch((key) -> violations.stream().anyMatch((v) -> v.key().equals(key)));
	}

	@Test
	void theRulesCatchWhatWouldBreakTheRunningRelease() {
		assertThat(rules("alter table cards drop column replaced_by;")).containsExactly("drop column");
		assertThat(rules("drop table identity_mismatches;")).containsExactly("drop table");
		assertThat(rules("alter table cards rename column status to state;")).containsExactly("rename");
		assertThat(rules("alter table cards rename to card;")).containsExactly("rename");
		assertThat(rules("alter table cards alter column status type varchar(8);")).containsExactly("alter column type");
		assertThat(rules("alter table cards alter column closure_note set not null;")).containsExactly("set not null");
		assertThat(rules("alter table cards add column channel varchar(8) not null;"))
			.containsExactly("not null column without default");
		assertThat(rules("create index cards_status_ix on cards (status);")).containsExactly("index without concurrently");
		assertThat(rules("drop index if exists cards_status_ix;")).containsExactly("drop index without concurrently");
	}

	@Test
	void theRulesLetExpandStepsThrough() {
		assertThat(rules("alter table cards add column delivery_note varchar(200);")).isEmpty();
		assertThat(rules("alter table cards add column tier varchar(8) not null default 'STANDARD';")).isEmpty();
		assertThat(rules("create table deliveries (id bigint generated always as identity primary key, card_id bigint not "
				+ "null); create index deliveries_card_ix on deliveries (card_id);")).isEmpty();
		assertThat(rules("create index concurrently cards_status_ix on cards (status);")).isEmpty();
		assertThat(rules("drop index concurrently if exists cards_status_ix;")).isEmpty();
		assertThat(rules("-- we never drop table cards here\nselect 1;")).isEmpty();
	}

	@Test
	void theTestOnlyExpandMigrationOfTheRollingUpgradeFollowsTheRules() throws IOException {
		Path expand = Path.of("src/test/resources/faults/migration/V900__rolling_upgrade_expand.sql");
		assertThat(check(expand.getFileName().toString(), Files.readString(expand))).isEmpty();
	}

	private static List<String> rules(String sql) {
		return check("V999__sample.sql", sql).stream().map(Violation::rule).toList();
	}

}
