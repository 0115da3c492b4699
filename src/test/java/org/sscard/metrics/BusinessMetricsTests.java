package org.sscard.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sscard.support.Api;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a walk-through of the counter's day, every business metric is in /actuator/prometheus,
 * HTTP timers have histogram buckets, and each outcome left one log line without personal data.
 */
@ExtendWith(OutputCaptureExtension.class)
class BusinessMetricsTests extends ApiTest {

	/** A name in PromQL that is not a function's (followed by a parenthesis) nor part of a number. */
	private static final Pattern NAME = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset");

	/** The labels a query groups by. */
	private static final Pattern GROUPING = Pattern.compile("by \\(([^)]*)\\)");

	/** The labels a query matches on. */
	private static final Pattern MATCHER = Pattern.compile("[{,]\\s*([a-z_]+)\\s*=");

	@Test
	void theOutcomesOfADayAreMeasuredAndLoggedWithoutPersonalData(CapturedOutput output) {
		TestCard card = walkThroughADay();

		Response metrics = this.api.get("/actuator/prometheus", this.given.adminToken());

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("sscard_card_outcomes_total{account=\"SOCIAL_SECURITY\",action=\"AccountActivated\"")
			.contains("outcome=\"rejected\"")
			.contains("code=\"PIN_MISMATCH\"")
			.contains("channel=\"WECHAT\"")
			.contains("sscard_pin_lockouts_total")
			.contains("sscard_identity_blocked_total")
			.contains("sscard_signin_throttled_total")
			.contains("sscard_idempotency_replays_total")
			.contains("http_server_requests_seconds_bucket");
		assertThat(output.getAll()).contains("card=" + card.cardNumber() + " action=AccountActivated account=SOCIAL_SECURITY "
				+ "outcome=succeeded code=- channel=SERVICE_HALL")
			.contains("action=RequestRejected account=FINANCIAL outcome=rejected code=IDENTITY_CHECKS_EXHAUSTED channel=WECHAT")
			.doesNotContain(card.idNumber())
			.doesNotContain(card.name());
	}

	/**
	 * Every query of the Grafana dashboard in docs/dashboard uses only metrics, and labels of them,
	 * that the service exposes after a day's walk-through: a renamed metric or label fails here
	 * instead of leaving an empty panel.
	 */
	@Test
	void theDashboardsQueriesUseOnlyWhatTheServiceExposes() throws IOException {
		walkThroughADay();
		String exposition = this.api.get("/actuator/prometheus", this.given.adminToken()).body();
		List<String> queries = new ArrayList<>();
		JsonNode dashboard = Api.JSON.readTree(Files.readString(Path.of("docs/dashboard/sscard-dashboard.json")));
		for (JsonNode panel : dashboard.path("panels")) {
			panel.path("targets").forEach((target) -> queries.add(target.path("expr").asString()));
		}

		assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
		for (String query : queries) {
			List<String> metrics = metricsOf(query);
			assertThat(metrics).as(query).isNotEmpty();
			for (String metric : metrics) {
				List<String> series = exposition.lines()
					.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
					.toList();
				assertThat(series).as("series of %s, used by %s", metric, query).isNotEmpty();
				Stream.concat(GROUPING.matcher(query).results().flatMap((match) -> Arrays.stream(match.group(1).split(","))),
						MATCHER.matcher(query).results().map((match) -> match.group(1)))
					.map(String::trim)
					.filter((label) -> !label.equals("le") || metric.endsWith("_bucket"))
					.forEach((label) -> assertThat(series).as("label %s of %s, used by %s", label, metric, query)
						.anyMatch((line) -> line.contains(label + "=\"")));
			}
		}
	}

	/** The metric names of a query: what is left once strings, label sets, ranges and groupings are gone. */
	private static List<String> metricsOf(String query) {
		String bare = query.replaceAll("\"[^\"]*\"", "")
			.replaceAll("\\{[^}]*}", "")
			.replaceAll("\\[[^]]*]", "")
			.replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
		return NAME.matcher(bare).results().map((match) -> match.group(1)).filter((name) -> !KEYWORDS.contains(name)).toList();
	}

	/** Cards activated, refused, locked and blocked, sign-ins throttled and a replay: what the metrics count. */
	private TestCard walkThroughADay() {
		TestCard card = this.given.card("440305", "ICBC");
		TestCard locked = this.given.card("440305", null);
		String hall = this.given.window("SERVICE_HALL", "440305");
		String wechat = this.given.client("WECHAT", null);
		this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"),
				Map.of("Idempotency-Key", "metrics-" + card.cardNumber()));
		this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"),
				Map.of("Idempotency-Key", "metrics-" + card.cardNumber()));
		for (int i = 0; i < 3; i++) {
			this.api.post(locked.path("/social-security-account/activation"), hall,
					Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678"));
		}
		for (int i = 0; i < 6; i++) {
			this.api.post(card.path("/financial-account/activation"), wechat, Map.of("idNumber", card.idNumber(),
					"holderName", "猜" + i, "phone", "13812345678", "newPin", "731946"));
		}
		String username = "metrics." + Fixtures.next();
		for (int i = 0; i < 12; i++) {
			this.api.basic("/api/v1/auth/token", username, "wrong-password-" + i);
		}
		return card;
	}

}
