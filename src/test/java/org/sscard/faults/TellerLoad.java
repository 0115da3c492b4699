package org.sscard.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.sscard.support.Api;

/**
 * The counters of a province at work: tellers activating both accounts of new cards (combined
 * activation) and hospital windows verifying PINs at settlement, concurrently, each call with an
 * {@code Idempotency-Key} of its own. A call that gets no answer, or a 503, or the load
 * balancer's 502/503/504, is sent again with the same key (as the console and every channel
 * backend do) until it is answered; everything that happened is kept for the test to judge.
 */
final class TellerLoad {

	/** A sealed card and its holder, for a combined activation. */
	record Holder(String cardNumber, String idNumber, String name) {
	}

	enum Kind {

		ACTIVATION, VERIFICATION

	}

	/** One attempt's outcome: an HTTP status and code, or what went wrong on the wire. */
	record Attempt(int status, String code, String failure, Instant at) {

		boolean succeeded() {
			return this.status >= 200 && this.status < 300;
		}

		/** A 503 from the service itself: problem details naming SERVICE_UNAVAILABLE. */
		boolean serviceUnavailable() {
			return this.status == 503 && "SERVICE_UNAVAILABLE".equals(this.code);
		}

		boolean retryable() {
			return this.failure != null || this.status == 502 || this.status == 503 || this.status == 504
					|| (this.status == 409 && "IDEMPOTENCY_KEY_IN_USE".equals(this.code));
		}

		@Override
		public String toString() {
			return (this.failure != null) ? this.failure : this.status + ((this.code.isEmpty()) ? "" : " " + this.code);
		}

	}

	/** One call: its key, its card and every attempt until it was answered for good. */
	record Call(Kind kind, String cardNumber, String key, String path, String token, String body, Instant started,
			List<Attempt> attempts, boolean replayed) {

		Duration duration() {
			return Duration.between(this.started, last().at());
		}

		Attempt last() {
			return this.attempts.get(this.attempts.size() - 1);
		}

		boolean acknowledged() {
			return last().succeeded();
		}

		boolean failedFirstTime() {
			return !this.attempts.get(0).succeeded();
		}

	}

	static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);

	private static final long THINK_MILLIS = 20;

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String baseUrl;

	private final List<String> tellerTokens;

	private final List<String> windowTokens;

	private final List<Holder> sealed;

	private final List<String> active;

	private final AtomicInteger nextSealed;

	private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean stopping;

	TellerLoad(String baseUrl, List<String> tellerTokens, List<String> windowTokens, List<Holder> sealed,
			AtomicInteger nextSealed, List<String> active) {
		this.baseUrl = baseUrl;
		this.nextSealed = nextSealed;
		this.tellerTokens = tellerTokens;
		this.windowTokens = windowTokens;
		this.sealed = sealed;
		this.active = active;
	}

	void start() {
		for (int i = 0; i < this.tellerTokens.size(); i++) {
			String token = this.tellerTokens.get(i);
			this.workers.add(new Thread(() -> activate(token), "teller-" + i));
		}
		for (int i = 0; i < this.windowTokens.size(); i++) {
			int worker = i;
			this.workers.add(new Thread(() -> verify(worker), "window-" + i));
		}
		this.workers.forEach(Thread::start);
	}

	/** Stops starting new calls and waits until every call under way has been answered for good. */
	List<Call> finish() throws InterruptedException {
		this.stopping = true;
		for (Thread worker : this.workers) {
			worker.join(GIVE_UP_AFTER.plusSeconds(20).toMillis());
		}
		return List.copyOf(this.calls);
	}

	/** The calls so far (the load keeps running). */
	List<Call> soFar() {
		return List.copyOf(this.calls);
	}

	private void activate(String token) {
		while (!this.stopping) {
			int index = this.nextSealed.getAndIncrement();
			if (index >= this.sealed.size()) {
				return;
			}
			Holder holder = this.sealed.get(index);
			String body = Api.JSON.writeValueAsString(Map.of("idNumber", holder.idNumber(), "holderName", holder.name(),
					"phone", "13812345678", "currentPin", "123456", "socialSecurityPin", "802514", "financialPin",
					"731946"));
			call(Kind.ACTIVATION, holder.cardNumber(), "/api/v1/cards/" + holder.cardNumber() + "/activation",
					token, body);
		}
	}

	/** Each window verifies its own cards in turn, so that two windows never verify one card at the same instant. */
	private void verify(int worker) {
		int next = worker;
		int verifiers = this.windowTokens.size();
		String token = this.windowTokens.get(worker);
		while (!this.stopping) {
			String card = this.active.get(next % this.active.size());
			next += verifiers;
			call(Kind.VERIFICATION, card, "/api/v1/cards/" + card + "/social-security-account/pin-verification",
					token, "{\"pin\":\"802514\"}");
		}
	}

	private void call(Kind kind, String card, String path, String token, String body) {
		try {
			// A clerk's pace rather than a benchmark's: the two cores of a CI machine also start instances.
			Thread.sleep(THINK_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		String key = UUID.randomUUID().toString();
		List<Attempt> attempts = new ArrayList<>();
		Instant started = Instant.now();
		Instant giveUp = started.plus(GIVE_UP_AFTER);
		long pause = 100;
		boolean replayed = false;
		while (true) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(ATTEMPT_TIMEOUT)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			Attempt attempt;
			try {
				HttpResponse<String> response = this.http.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				attempt = new Attempt(response.statusCode(), code(response), null, Instant.now());
				replayed = response.headers().firstValue("Idempotent-Replayed").isPresent();
			}
			catch (HttpTimeoutException ex) {
				attempt = new Attempt(0, "", "HANG", Instant.now());
			}
			catch (IOException ex) {
				attempt = new Attempt(0, "", "CONNECTION_" + ex.getClass().getSimpleName(), Instant.now());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			attempts.add(attempt);
			if (!attempt.retryable() || Instant.now().isAfter(giveUp)) {
				this.calls.add(new Call(kind, card, key, path, token, body, started, Collections.unmodifiableList(attempts), replayed));
				return;
			}
			try {
				// "Retry in a moment": a key still in use waits for its lease, so do not hammer it.
				Thread.sleep(attempt.status() == 409 ? 1000 : pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			pause = Math.min(pause * 2, 500);
		}
	}

	/** Sends an answered call again with its key: the stored first answer must come back. */
	Attempt resend(Call call) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + call.path()))
			.timeout(ATTEMPT_TIMEOUT)
			.header("Authorization", "Bearer " + call.token())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", call.key())
			.POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Attempt(response.statusCode(),
				response.headers().firstValue("Idempotent-Replayed").map((v) -> "REPLAYED").orElse(code(response)), null,
				Instant.now());
	}

	/**
	 * Calls that failed during the fault and whose retry found the card already active: the first
	 * attempt's work committed without its key's answer. Must be none: the work and the key's answer
	 * commit in one transaction (IdempotencyFilter); counted so that a regression says what it is.
	 */
	static List<Call> ambiguousCommits(List<Call> calls) {
		return calls.stream()
			.filter((c) -> !c.acknowledged() && "ALREADY_ACTIVE".equals(c.last().code()))
			.filter((c) -> c.attempts().stream().anyMatch((a) -> a.retryable()))
			.toList();
	}

	private static String code(HttpResponse<String> response) {
		if (!response.headers().firstValue("Content-Type").orElse("").contains("json") || response.body().isEmpty()) {
			return "";
		}
		try {
			return Api.JSON.readTree(response.body()).path("code").asString("");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** What the calls add up to, for the one line each test prints and docs/deployment.md records. */
	record Figures(int calls, int acknowledged, int activations, int verifications, int answered503,
			int answered500, int hangs, int balancerErrors, int connectionErrors, int keyInUse, int retried,
			int failedCalls, long longestCallMillis, Map<String, Integer> wrongAnswers) {

		static Figures of(List<Call> calls) {
			int answered503 = 0;
			int answered500 = 0;
			int hangs = 0;
			int balancer = 0;
			int connection = 0;
			int inUse = 0;
			Map<String, Integer> wrong = new TreeMap<>();
			for (Call call : calls) {
				for (Attempt attempt : call.attempts()) {
					if (attempt.serviceUnavailable()) {
						answered503++;
					}
					else if (attempt.status() >= 500 && attempt.status() != 502 && attempt.status() != 503
							&& attempt.status() != 504) {
						answered500++;
					}
					else if (attempt.status() == 502 || attempt.status() == 503 || attempt.status() == 504) {
						balancer++;
					}
					else if ("HANG".equals(attempt.failure())) {
						hangs++;
					}
					else if (attempt.failure() != null) {
						connection++;
					}
					else if (attempt.status() == 409 && "IDEMPOTENCY_KEY_IN_USE".equals(attempt.code())) {
						inUse++;
					}
				}
				if (!call.acknowledged()) {
					wrong.merge(call.last().toString(), 1, Integer::sum);
				}
			}
			List<Call> acknowledged = calls.stream().filter(Call::acknowledged).toList();
			return new Figures(calls.size(), acknowledged.size(),
					(int) acknowledged.stream().filter((c) -> c.kind() == Kind.ACTIVATION).count(),
					(int) acknowledged.stream().filter((c) -> c.kind() == Kind.VERIFICATION).count(), answered503,
					answered500, hangs, balancer, connection, inUse,
					(int) calls.stream().filter(Call::failedFirstTime).count(), calls.size() - acknowledged.size(),
					calls.stream().mapToLong((c) -> c.duration().toMillis()).max().orElse(0), wrong);
		}

		String line(String test, String more) {
			return "FAULT-FIGURES test=" + test + " calls=" + this.calls + " acknowledged=" + this.acknowledged
					+ " (activations=" + this.activations + " verifications=" + this.verifications + ") answered503="
					+ this.answered503 + " answered500=" + this.answered500 + " hangs=" + this.hangs + " lb_errors="
					+ this.balancerErrors + " connection_errors=" + this.connectionErrors + " key_in_use="
					+ this.keyInUse + " retried_calls=" + this.retried + " failed_calls=" + this.failedCalls + " longest_call_ms="
					+ this.longestCallMillis
					+ (this.wrongAnswers.isEmpty() ? "" : " failures=" + this.wrongAnswers) + " " + more;
		}

	}

}
