package org.sscard.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.FeedSubscriber;
import org.sscard.support.FeedSubscriber.Received;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The event feed: what it holds, who reads it, how it is paged, and what reaches RabbitMQ. */
class EventFeedTests extends ApiTest {

	@Autowired
	FeedSequencer sequencer;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	FeedPurge purge;

	Map<String, Object> ssActivation = Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678");

	@Test
	void eachStateChangeIsOneFeedEventAndIsPublishedOnce() throws Exception {
		try (FeedSubscriber subscriber = FeedSubscriber.bind("card.#")) {
			long start = head();
			TestCard card = this.given.card("440305", "ICBC");
			TestCard locked = this.given.card("440305", null);
			String window = this.given.window("SERVICE_HALL", "440305");
			String teller = this.given.teller("440305", "ICBC");

			assertThat(this.api.post(card.path("/social-security-account/activation"), window, this.ssActivation).status()).isEqualTo(200);
			assertThat(this.api.post(card.path("/financial-account/activation"), teller, Map.of("idNumber", card.idNumber(),
					"holderName", card.name(), "phone", "13812345678", "newPin", "731946")).status()).isEqualTo(200);
			for (String pin : List.of("111111", "222222", "333333")) {
				this.api.post(locked.path("/social-security-account/activation"), window,
						Map.of("currentPin", pin, "newPin", "802514", "phone", "13812345678"));
			}
			// Rejections (wrong PIN, already active) are no feed events.
			assertThat(this.api.post(card.path("/social-security-account/activation"), window, this.ssActivation).status()).isEqualTo(409);
			// The reset activates the account that locked while sealed: both are events.
			assertThat(this.api.post(locked.path("/social-security-account/pin-reset"), window,
					Map.of("idNumber", locked.idNumber(), "holderName", locked.name(), "newPin", "802514", "phone",
							"13812345678")).status()).isEqualTo(200);
			// A verification is no event; a PIN change is.
			assertThat(this.api.post(card.path("/social-security-account/pin-verification"), window,
					Map.of("pin", "802514")).status()).isEqualTo(200);
			assertThat(this.api.post(card.path("/social-security-account/pin-change"), window,
					Map.of("currentPin", "802514", "newPin", "135790")).status()).isEqualTo(200);
			// Wrong PINs at settlements lock the account; the unlock is an event too.
			for (int i = 0; i < 3; i++) {
				this.api.post(card.path("/social-security-account/pin-verification"), window, Map.of("pin", "000000"));
			}
			assertThat(this.api.post(card.path("/social-security-account/unlock"), window,
					Map.of("idNumber", card.idNumber(), "holderName", card.name())).status()).isEqualTo(200);

			List<String> expected = List.of(card.cardNumber() + " CARD_ISSUED CARD", locked.cardNumber() + " CARD_ISSUED CARD",
					card.cardNumber() + " ACCOUNT_ACTIVATED SOCIAL_SECURITY", card.cardNumber() + " ACCOUNT_ACTIVATED FINANCIAL",
					locked.cardNumber() + " ACCOUNT_LOCKED SOCIAL_SECURITY",
					locked.cardNumber() + " ACCOUNT_ACTIVATED SOCIAL_SECURITY", locked.cardNumber() + " PIN_RESET SOCIAL_SECURITY",
					card.cardNumber() + " PIN_CHANGED SOCIAL_SECURITY", card.cardNumber() + " ACCOUNT_LOCKED SOCIAL_SECURITY",
					card.cardNumber() + " ACCOUNT_UNLOCKED SOCIAL_SECURITY");
			Set<String> ours = Set.of(card.cardNumber(), locked.cardNumber());

			List<JsonNode> events = readAll(start, this.given.adminToken()).stream()
				.filter((event) -> ours.contains(event.path("cardNumber").asString()))
				.toList();
			assertThat(events).extracting((event) -> event.path("cardNumber").asString() + " " + event.path("type").asString()
					+ " " + event.path("account").asString()).containsExactlyElementsOf(expected);
			JsonNode activation = events.get(2);
			assertThat(activation.path("channel").asString()).isEqualTo("SERVICE_HALL");
			assertThat(activation.path("branchCode").asString()).startsWith("T-S-");
			assertThat(activation.path("eventId").asString()).hasSize(36);
			assertThat(Instant.parse(activation.path("occurredAt").asString())).isBefore(Instant.now());
			assertThat(activation.propertyNames()).containsExactlyInAnyOrder("position", "eventId", "type", "occurredAt",
					"cardNumber", "account", "channel", "branchCode");

			List<Received> received = subscriber.awaitDistinct((m) -> ours.contains(m.cardNumber()), expected.size(),
					Duration.ofSeconds(20));
			List<Received> distinct = received.stream().filter(distinctBy(Received::eventId)).toList();
			assertThat(distinct).extracting((m) -> m.cardNumber() + " " + m.type() + " " + m.body().path("account").asString())
				.containsExactlyElementsOf(expected);
			assertThat(distinct).extracting(Received::eventId)
				.containsExactlyElementsOf(events.stream().map((e) -> e.path("eventId").asString()).toList());
			assertThat(distinct).allSatisfy((m) -> assertThat(m.routingKey()).isEqualTo("card." + m.type().toLowerCase()));
			assertThat(distinct).allSatisfy((m) -> assertThat(m.body().propertyNames()).containsExactlyInAnyOrderElementsOf(
					activation.propertyNames()));
			assertThat(distinct).filteredOn((m) -> m.cardNumber().equals(card.cardNumber()))
				.allSatisfy((m) -> assertThat(m.header("bankCode")).isEqualTo("ICBC"));
			assertThat(distinct).filteredOn((m) -> m.cardNumber().equals(locked.cardNumber()))
				.allSatisfy((m) -> assertThat(m.header("bankCode")).isNull());
			Thread.sleep(500);
			assertThat(subscriber.received().stream().filter((m) -> ours.contains(m.cardNumber()))).hasSize(expected.size());
		}
	}

	@Test
	void administratorsReadEveryCardAndMobileBankingOnlyItsBanksCards() {
		long start = head();
		TestCard icbc = this.given.card("440305", "ICBC");
		TestCard ccb = this.given.card("440305", "CCB");
		TestCard none = this.given.card("440305", null);
		Set<String> ours = Set.of(icbc.cardNumber(), ccb.cardNumber(), none.cardNumber());

		assertThat(cardsIn(readAll(start, this.given.adminToken()), ours)).containsExactly(icbc.cardNumber(),
				ccb.cardNumber(), none.cardNumber());
		assertThat(cardsIn(readAll(start, this.given.client("MOBILE_BANKING", "ICBC")), ours)).containsExactly(icbc.cardNumber());
		assertThat(cardsIn(readAll(start, this.given.client("MOBILE_BANKING", "CCB")), ours)).containsExactly(ccb.cardNumber());

		for (String other : List.of(this.given.client("WECHAT", null), this.given.client("ALIPAY", null),
				this.given.teller("440305", "ICBC"), this.given.window("SERVICE_HALL", "440305"))) {
			Response response = this.api.get("/api/v1/events", other);
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("FORBIDDEN");
		}
		assertThat(this.api.get("/api/v1/events", null).status()).isEqualTo(401);
	}

	@Test
	void pagesFollowEachOtherWithoutGapsOrRepeats() {
		long start = head();
		List<String> issued = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			issued.add(this.given.card("440305", null).cardNumber());
		}
		String admin = this.given.adminToken();
		awaitPositioned(start + 5);

		Response first = this.api.get("/api/v1/events?after=" + start + "&limit=2", admin);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("events")).hasSize(2);
		assertThat(first.json().path("events").get(0).path("position").asLong()).isEqualTo(start + 1);
		assertThat(first.json().path("next").asLong()).isEqualTo(start + 2);
		Response rest = this.api.get("/api/v1/events?after=" + first.json().path("next").asLong(), admin);
		assertThat(rest.json().path("events")).extracting((e) -> e.path("cardNumber").asString())
			.containsExactlyElementsOf(issued.subList(2, 5));

		Response empty = this.api.get("/api/v1/events?after=" + (start + 5), admin);
		assertThat(empty.json().path("events")).isEmpty();
		assertThat(empty.json().path("next").asLong()).isEqualTo(start + 5);
		assertThat(this.api.get("/api/v1/events", admin).json().path("events").get(0).path("position").asLong())
			.isLessThanOrEqualTo(start + 1);
	}

	@Test
	void purgingPublishedEventsMakesTheFeedStartLaterAndNeverReusesAPosition() throws Exception {
		String admin = this.given.adminToken();
		long start = head();
		this.given.card("440305", null);
		this.given.card("440305", null);
		awaitPositioned(start + 2);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.jdbc.queryForObject("select published_position from feed_publication", Long.class) < start + 2
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		assertThat(this.purge.purgeOlderThan(0)).isGreaterThanOrEqualTo(2);

		JsonNode fromTheStart = this.api.get("/api/v1/events?after=0", admin).json();
		assertThat(fromTheStart.path("events")).allSatisfy((e) -> assertThat(e.path("position").asLong()).isGreaterThan(start + 2));
		TestCard later = this.given.card("440305", null);
		awaitPositioned(start + 3);
		assertThat(cardsIn(readAll(start + 2, admin), Set.of(later.cardNumber()))).containsExactly(later.cardNumber());
		assertThat(this.jdbc.queryForObject("select position from feed_events where card_number = ?", Long.class,
				later.cardNumber())).isGreaterThan(start + 2);
	}

	@Test
	void badPositionsAndLimitsAreRefusedNamingTheParameter() {
		String admin = this.given.adminToken();
		Map<String, String> bad = Map.of("after=-1", "after", "after=abc", "after", "after=", "after",
				"after=99999999999999999999", "after", "limit=0", "limit", "limit=501", "limit", "limit=ten", "limit",
				"limit=1.5", "limit", "after=1&limit=-3", "limit");
		bad.forEach((query, field) -> {
			Response response = this.api.get("/api/v1/events?" + query, admin);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.code()).as(query).isEqualTo("VALIDATION_FAILED");
			assertThat(response.text("/errors/0/field")).as(query).isEqualTo(field);
		});
		assertThat(this.api.get("/api/v1/events?after=0&limit=500", admin).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/events?limit=1", admin).status()).isEqualTo(200);
	}

	/**
	 * The case a plain sequence (or ordering by transaction id) gets wrong: A starts first and
	 * commits last. A reader polling in between, and storing where it got to, still sees both A and
	 * B, once each; and A's open transaction does not hold B back.
	 */
	@Test
	void aReaderPollingWhileTransactionsCommitOutOfOrderMissesNothing() throws Exception {
		String admin = this.given.adminToken();
		TestCard first = this.given.card("440305", null);
		TestCard second = this.given.card("440305", null);
		long next = head();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);

		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
			reportLoss(first);
			firstWritten.countDown();
			await(commitFirst);
		}));
		assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
		transactions.executeWithoutResult((status) -> reportLoss(second));

		List<JsonNode> seen = new ArrayList<>();
		next = pollUntil(second, next, seen, admin);
		assertThat(lossesIn(seen, first, second)).containsExactly(second.cardNumber());

		commitFirst.countDown();
		slow.get(10, TimeUnit.SECONDS);
		pollUntil(first, next, seen, admin);
		assertThat(lossesIn(seen, first, second)).containsExactly(second.cardNumber(), first.cardNumber());
		assertThat(seen.stream().map((e) -> e.path("position").asLong()).distinct().count()).isEqualTo(seen.size());
	}

	/** What a loss report's transaction leaves for the feed: its audit event, nothing else. */
	private void reportLoss(TestCard card) {
		this.jdbc.update("insert into activation_events (card_id, occurred_at, account, action, outcome, actor) "
				+ "select id, now(), 'CARD', 'LOSS_REPORTED', 'SUCCEEDED', 'test' from cards where card_number = ?",
				card.cardNumber());
	}

	private long pollUntil(TestCard card, long after, List<JsonNode> seen, String admin) throws InterruptedException {
		long next = after;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (lossesIn(seen, card).isEmpty() && System.nanoTime() < deadline) {
			JsonNode page = this.api.get("/api/v1/events?after=" + next, admin).json();
			page.path("events").forEach(seen::add);
			next = page.path("next").asLong();
			Thread.sleep(20);
		}
		return next;
	}

	private static List<String> lossesIn(List<JsonNode> events, TestCard... cards) {
		Set<String> numbers = Arrays.stream(cards).map(TestCard::cardNumber).collect(Collectors.toSet());
		return events.stream()
			.filter((e) -> e.path("type").asString().equals("LOSS_REPORTED"))
			.map((e) -> e.path("cardNumber").asString())
			.filter(numbers::contains)
			.toList();
	}

	/**
	 * During a rolling upgrade an instance of the release before V24 still writes its entries
	 * straight into feed_events, without a position: they are numbered with the others.
	 */
	@Test
	void entriesThatTheReleaseBeforeV24WroteAreNumberedWithTheOthers() {
		String admin = this.given.adminToken();
		long start = head();
		String previous = "X" + String.format("%08d", System.nanoTime() % 100_000_000);
		this.jdbc.update("insert into feed_events (event_id, type, occurred_at, card_number, account) "
				+ "values (gen_random_uuid(), 'CARD_ISSUED', now(), ?, 'CARD')", previous);
		TestCard card = this.given.card("440305", null);

		List<JsonNode> events = readAll(start, admin);
		assertThat(cardsIn(events, Set.of(previous, card.cardNumber()))).containsExactlyInAnyOrder(previous,
				card.cardNumber());
		assertThat(events.stream().map((e) -> e.path("position").asLong()).distinct().count()).isEqualTo(events.size());
	}

	/**
	 * The release before V25 wrote an outbox entry besides the audit event. Entries it left in the
	 * outbox before the upgrade are numbered; a change it makes after the upgrade is in the feed
	 * once, from its audit event, not twice.
	 */
	@Test
	void theReleaseBeforeV25IsInTheFeedOnceBeforeAndAfterTheUpgrade() {
		String admin = this.given.adminToken();
		TestCard before = this.given.card("440305", null);
		TestCard after = this.given.card("440305", null);
		long start = head();
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		transactions.executeWithoutResult((status) -> {
			// Only this transaction sees the trigger off: the outbox as it was before V25.
			this.jdbc.execute("alter table feed_outbox disable trigger feed_outbox_superseded");
			this.jdbc.update(OUTBOX_INSERT, before.cardNumber());
			this.jdbc.execute("alter table feed_outbox enable trigger feed_outbox_superseded");
		});
		transactions.executeWithoutResult((status) -> {
			reportLoss(after);
			this.jdbc.update(OUTBOX_INSERT, after.cardNumber());
		});

		List<JsonNode> events = readAll(start, admin);
		assertThat(lossesIn(events, before, after)).containsExactly(before.cardNumber(), after.cardNumber());
		assertThat(this.jdbc.queryForObject("select count(*) from feed_outbox", Long.class)).isZero();
	}

	private static final String OUTBOX_INSERT = "insert into feed_outbox (event_id, type, occurred_at, card_number, "
			+ "account) values (gen_random_uuid(), 'LOSS_REPORTED', now(), ?, 'CARD')";

	/**
	 * After a restore into a new cluster the transaction ids start lower than the stored snapshot:
	 * the sequencer notices and starts again from now instead of skipping every change for good.
	 */
	@Test
	void aSnapshotAheadOfTheDatabaseIsReplacedAndLaterChangesAreInTheFeed() {
		String admin = this.given.adminToken();
		long start = head();
		this.jdbc.update("update feed_head set last_snapshot = '9000000000000:9000000000000:'");
		this.sequencer.sequence();
		assertThat(this.jdbc.queryForObject("select pg_snapshot_xmax(last_snapshot)::text::bigint from feed_head",
				Long.class)).isLessThan(9_000_000_000_000L);

		TestCard card = this.given.card("440305", null);
		assertThat(cardsIn(readAll(start, admin), Set.of(card.cardNumber()))).containsExactly(card.cardNumber());
	}

	@Test
	void healthStaysUpAndShowsAdministratorsTheBrokerAndTheBacklog() {
		Response anonymous = this.api.get("/actuator/health", null);
		assertThat(anonymous.text("/status")).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).isFalse();
		Response admin = this.api.get("/actuator/health", this.given.adminToken());
		assertThat(admin.text("/components/feed/status")).isEqualTo("UP");
		assertThat(admin.json().at("/components/feed/details").has("pending")).isTrue();
		assertThat(admin.json().at("/components").has("rabbit")).isFalse();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last position handed out so far. */
	@Test
	void aCardsLifeIsInTheFeed() {
		long start = head();
		TestCard card = this.given.card("440305", null);
		String hall = this.given.window("SERVICE_HALL", "440305");
		String admin = this.given.adminToken();
		Map<String, Object> holder = Map.of("idNumber", card.idNumber(), "holderName", card.name());
		Map<String, Object> temporary = Map.of("kind", "TEMPORARY", "idNumber", card.idNumber(), "holderName", card.name());
		Map<String, Object> formal = Map.of("kind", "FORMAL", "idNumber", card.idNumber(), "holderName", card.name());
		String replacement = Fixtures.newCard("440305", null).cardNumber();

		assertThat(this.api.post(card.path("/loss-report"), hall, temporary).status()).isEqualTo(200);
		assertThat(this.api.post(card.path("/loss-report/release"), hall, holder).status()).isEqualTo(200);
		assertThat(this.api.post(card.path("/loss-report"), hall, formal).status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/admin/cards/" + card.cardNumber() + "/replacement", admin,
				Map.of("newCardNumber", replacement, "reason", "LOST")).status()).isEqualTo(201);
		assertThat(this.api.post("/api/v1/cards/" + replacement + "/cancellation", admin,
				Map.of("reason", "EMIGRATED", "note", "moved abroad")).status()).isEqualTo(200);

		List<String> types = readAll(start, admin).stream()
			.filter((event) -> Set.of(card.cardNumber(), replacement).contains(event.path("cardNumber").asString()))
			.map((event) -> event.path("cardNumber").asString() + " " + event.path("type").asString())
			.toList();
		assertThat(types).containsExactly(card.cardNumber() + " CARD_ISSUED", card.cardNumber() + " LOSS_REPORTED",
				card.cardNumber() + " LOSS_RELEASED", card.cardNumber() + " LOSS_REPORTED",
				card.cardNumber() + " CARD_REPLACED", replacement + " CARD_ISSUED", replacement + " CARD_CANCELLED");
	}

	long head() {
		return this.jdbc.queryForObject("select last_position from feed_head", Long.class);
	}

	void awaitPositioned(long position) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (head() < position && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/** Every event after {@code start} that this reader may see, once everything made so far is numbered. */
	List<JsonNode> readAll(long start, String token) {
		while (this.sequencer.sequence() > 0) {
			// numbers whatever is committed and not yet numbered, alongside the background rounds
		}
		List<JsonNode> events = new ArrayList<>();
		long next = start;
		while (true) {
			Response page = this.api.get("/api/v1/events?after=" + next + "&limit=500", token);
			assertThat(page.status()).isEqualTo(200);
			page.json().path("events").forEach(events::add);
			if (page.json().path("events").isEmpty()) {
				return events;
			}
			next = page.json().path("next").asLong();
		}
	}

	static List<String> cardsIn(List<JsonNode> events, Set<String> cards) {
		return events.stream().map((e) -> e.path("cardNumber").asString()).filter(cards::contains).toList();
	}

	static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
		Set<Object> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		return (t) -> seen.add(key.apply(t));
	}

}
