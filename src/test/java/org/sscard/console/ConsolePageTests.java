package org.sscard.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's page as served, and the rules its files keep so that a strict CSP can hold. */
class ConsolePageTests extends ApiTest {

	private static final List<String> FILES = List.of("index.html", "app.js", "api.js", "i18n.js", "names.js",
			"console.css");

	@Test
	void consoleIsServedAtItsFolderWithAStrictPolicy() {
		Response page = this.api.get("/console/", null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
		assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
				+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
				+ "frame-ancestors 'none'");
		assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void headRequestsGetThePolicyToo() {
		Response head = this.api.send("HEAD", "/console/", null, null, null);

		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Security-Policy")).startsWith("default-src 'self';");
		assertThat(head.header("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void consoleWithoutTheSlashRedirectsToTheFolder() {
		Response response = this.api.get("/console", null);

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/console/");
	}

	@Test
	void scriptsAreServedAsJavaScriptUnderTheSamePolicy() {
		Response script = this.api.get("/console/app.js", null);

		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Type")).startsWith("text/javascript");
		assertThat(script.header("Content-Security-Policy")).startsWith("default-src 'self';");
	}

	@Test
	void apiKeepsItsOwnPolicy() {
		Response response = this.api.get("/api/v1/cards/Z00000000", this.given.adminToken());

		assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void pageHasNoInlineScriptStyleOrHandler() throws IOException {
		String html = read("index.html");

		assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
		assertThat(Pattern.compile("<style|\\sstyle=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
		assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
		assertThat(html).doesNotContain("javascript:");
	}

	@Test
	void scriptsKeepTheTokenInMemoryAndNeverWriteMarkup() throws IOException {
		for (String file : FILES) {
			String text = read(file);
			for (String term : List.of("localStorage", "sessionStorage", "document.cookie", "indexedDB", "innerHTML",
					"outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "console.log")) {
				assertThat(text.contains(term)).as(file + " uses " + term).isFalse();
			}
			assertThat(Pattern.compile("\\.style\\b|setAttribute\\('style'|\\.on[a-z]+\\s*=").matcher(text).find())
				.as(file + " sets an inline style or handler")
				.isFalse();
		}
	}

	private static String read(String file) throws IOException {
		return new ClassPathResource("static/console/" + file).getContentAsString(StandardCharsets.UTF_8);
	}

}
