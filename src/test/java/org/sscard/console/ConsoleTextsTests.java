package org.sscard.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.sscard.audit.AuditAction;
import org.sscard.audit.Outcome;
import org.sscard.card.AccountStatus;
import org.sscard.card.CardPart;
import org.sscard.card.CardStatus;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.staff.OperatorRole;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code the API can answer has the console's own words, in Chinese and in English: an error
 * code added to {@link ErrorCode}, or an action to {@link AuditAction}, fails here until
 * {@code static/console/i18n.js} says what it means. (The console never shows the service's
 * English {@code detail} in Chinese, so a code without a text would leave the clerk with nothing.)
 */
class ConsoleTextsTests {

	private static Set<String> chinese;

	private static Set<String> english;

	@BeforeAll
	static void readTexts() throws IOException {
		String texts = new ClassPathResource("static/console/i18n.js").getContentAsString(StandardCharsets.UTF_8);
		int zh = texts.indexOf("const zh = {");
		int en = texts.indexOf("const en = {");
		int end = texts.indexOf("const TEXTS");
		assertThat(zh).isNotNegative().isLessThan(en);
		assertThat(en).isLessThan(end);
		chinese = keys(texts.substring(zh, en));
		english = keys(texts.substring(en, end));
	}

	@Test
	void everyErrorCodeHasAMessageAndAReasonInBothLanguages() {
		for (ErrorCode code : ErrorCode.values()) {
			assertThat(chinese).as("Chinese").contains("error." + code, "reason." + code);
			assertThat(english).as("English").contains("error." + code, "reason." + code);
		}
	}

	@Test
	void everyEventActionOutcomeAndLabelIsTranslated() {
		expect("eventAction.", AuditAction.values());
		expect("outcome.", Outcome.values());
		expect("account.", CardPart.values());
		expect("channel.", Channel.values());
		expect("status.", AccountStatus.values());
		expect("cardStatus.", CardStatus.values());
		expect("role.", OperatorRole.values());
	}

	@Test
	void bothLanguagesHaveTheSameTexts() {
		assertThat(english).containsExactlyInAnyOrderElementsOf(chinese);
	}

	@Test
	void anActionIsNeverLabelledLikeAnOutcome() {
		// "被拒绝 | 被拒绝": a rejected event's action and its outcome read the same.
		assertThat(label("zh", "eventAction.REJECTED")).isNotEqualTo(label("zh", "outcome.REJECTED"));
		assertThat(label("en", "eventAction.REJECTED")).isNotEqualTo(label("en", "outcome.REJECTED"));
	}

	private static void expect(String prefix, Enum<?>[] values) {
		Stream<String> keys = Arrays.stream(values).map((value) -> prefix + value.name());
		keys.forEach((key) -> {
			assertThat(chinese).as("Chinese").contains(key);
			assertThat(english).as("English").contains(key);
		});
	}

	private static final Pattern KEY = Pattern.compile("^\\s*(?:'([^']+)'|([A-Za-z]\\w*))\\s*:", Pattern.MULTILINE);

	private static Set<String> keys(String block) {
		Set<String> keys = new LinkedHashSet<>();
		Matcher matcher = KEY.matcher(block);
		while (matcher.find()) {
			keys.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return keys;
	}

	private static String label(String language, String key) {
		try {
			String texts = new ClassPathResource("static/console/i18n.js").getContentAsString(StandardCharsets.UTF_8);
			int start = texts.indexOf(language.equals("zh") ? "const zh = {" : "const en = {");
			Matcher matcher = Pattern.compile("'" + Pattern.quote(key) + "':\\s*'([^']*)'").matcher(texts.substring(start));
			assertThat(matcher.find()).as(key).isTrue();
			return matcher.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
