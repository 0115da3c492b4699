package org.sscard.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sscard.card.LossLapses;
import org.sscard.support.Api;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.OtherInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind a load balancer, one database: calls on the same card at the same time,
 * half on each instance. Never a 5xx, never a lost update, never two successes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	OtherInstance other;

	@BeforeAll
	void startSecondInstance() {
		this.other = OtherInstance.on(this.dataSource);
	}

	@AfterAll
	void stopSecondInstance() {
		this.other.close();
	}

	/** Runs {@code calls} requests at once, alternating between the two instances. */
	List<Response> concurrently(int calls, Function<Api, Response> call) throws Exception {
		Api[] instances = { this.api, this.other.api() };
		ExecutorService pool = Executors.newFixedThreadPool(calls);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			Api api = instances[i % 2];
			Callable<Response> task = () -> {
				start.await();
				return call.apply(api);
			};
			futures.add(pool.submit(task));
		}
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : futures) {
			responses.add(future.get());
		}
		pool.shutdown();
		return responses;
	}

	static List<Integer> statuses(List<Response> responses) {
		return responses.stream().map(Response::status).toList();
	}

	@Test
	void concurrentActivationsOnBothInstancesSucceedExactlyOnce() throws Exception {
		TestCard card = this.given.card("440305", "ICBC");
		String window = this.given.window("SERVICE_HALL", "440305");

		List<Response> responses = concurrently(16, (api) -> api.post(card.path("/social-security-account/activation"),
				window, Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678")));

		assertThat(statuses(responses)).filteredOn((s) -> s == 200).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 200)
			.allSatisfy((r) -> assertThat(r.code()).isIn("ALREADY_ACTIVE", "CONCURRENT_UPDATE"));
	}

	@Test
	void concurrentCombinedAndSingleActivationsNeverHalfActivate() throws Exception {
		TestCard card = this.given.card("440305", "ICBC");
		String teller = this.given.teller("440305", "ICBC");
		Map<String, Object> combined = Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone",
				"13812345678", "currentPin", "123456", "socialSecurityPin", "802514", "financialPin", "731946");
		Map<String, Object> financial = Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone",
				"13812345678", "newPin", "731946");

		Set<Response> combinedResponses = Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));
		List<Response> responses = concurrently(8, (api) -> {
			if (Fixtures.next() % 2 == 0) {
				Response response = api.post(card.path("/activation"), teller, combined);
				combinedResponses.add(response);
				return response;
			}
			return api.post(card.path("/financial-account/activation"), teller, financial);
		});

		assertThat(statuses(responses)).allMatch((s) -> s == 200 || s == 409);
		assertThat(statuses(responses)).filteredOn((s) -> s == 200).hasSize(1);
		assertThat(financialStatus(card)).isEqualTo("ACTIVE");
		// Never half-activated: if the combined call won, both accounts are active with an event
		// each; if the financial-only call won, the social-security account is still sealed.
		boolean combinedWon = responses.stream().anyMatch((r) -> r.status() == 200 && combinedResponses.contains(r));
		assertThat(socialSecurityStatus(card)).isEqualTo(combinedWon ? "ACTIVE" : "PENDING_ACTIVATION");
		assertThat(events(card, "ACTIVATED")).isEqualTo(combinedWon ? 2 : 1);
	}

	@Test
	void concurrentWrongPinsOnBothInstancesAreAllCounted() throws Exception {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("SERVICE_HALL", "440305");

		List<Response> responses = concurrently(3, (api) -> api.post(card.path("/social-security-account/activation"),
				window, Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678")));

		assertThat(responses.stream().map(Response::code).toList()).containsExactlyInAnyOrder("PIN_MISMATCH",
				"PIN_MISMATCH", "ACCOUNT_LOCKED");
		assertThat(mismatchCount(card)).isEqualTo(3);
	}

	@Test
	void concurrentIssuesOfOneCardNumberCreateOneCard() throws Exception {
		TestCard card = Fixtures.newCard("440305", "ICBC");
		String admin = this.given.adminToken();

		List<Response> responses = concurrently(6, (api) -> api.post("/api/v1/admin/cards", admin, card.issueRequest()));

		assertThat(statuses(responses)).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 201).allSatisfy((r) -> assertThat(r.code()).isEqualTo("DUPLICATE"));
	}

	@Test
	void concurrentCardsForOneNewHolderGiveOneCard() throws Exception {
		TestCard first = Fixtures.newCard("440305", null);
		String admin = this.given.adminToken();

		List<Response> responses = concurrently(6, (api) -> {
			TestCard card = new TestCard(Fixtures.newCard("440305", null).cardNumber(), first.idNumber(), first.name(),
					"440305", null, null);
			return api.post("/api/v1/admin/cards", admin, card.issueRequest());
		});

		assertThat(statuses(responses)).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 201)
			.allSatisfy((r) -> assertThat(r.code()).isEqualTo("HOLDER_HAS_CARD"));
		assertThat(this.jdbc.queryForObject("select count(*) from cardholders where id_number = ?", Integer.class,
				first.idNumber())).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from cards c join cardholders h on h.id = c.holder_id "
				+ "where h.id_number = ?", Integer.class, first.idNumber())).isEqualTo(1);
	}

	@Test
	void concurrentReplacementsOfOneCardGiveOneNewCard() throws Exception {
		TestCard card = this.given.card("440305", "ICBC");
		String admin = this.given.adminToken();

		List<Response> responses = concurrently(2, (api) -> api.post(
				"/api/v1/admin/cards/" + card.cardNumber() + "/replacement", admin,
				Map.of("newCardNumber", Fixtures.newCard("440305", null).cardNumber(), "reason", "DAMAGED")));

		assertThat(statuses(responses)).containsExactlyInAnyOrder(201, 409);
		assertThat(responses).filteredOn((r) -> r.status() == 409).singleElement().satisfies((r) -> {
			assertThat(r.code()).isEqualTo("CARD_BLOCKED");
			assertThat(r.text("/cardStatus")).isEqualTo("REPLACED");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from cards where replacement_for = ?", Integer.class,
				card.cardNumber())).isEqualTo(1);
		assertThat(events(card, "REPLACED")).isEqualTo(1);
	}

	@Test
	void theLapseJobOnBothInstancesReleasesEachCardOnce() throws Exception {
		// Region 6502: temporary reports last an hour; the job is run as if two hours had passed.
		String wechat = this.given.client("WECHAT", null);
		List<TestCard> cards = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			TestCard card = this.given.card("650203", null);
			assertThat(this.api.post(card.path("/loss-report"), wechat,
					Map.of("kind", "TEMPORARY", "idNumber", card.idNumber(), "holderName", card.name())).status())
				.isEqualTo(200);
			cards.add(card);
		}
		LossLapses[] jobs = { this.context.getBean(LossLapses.class), this.other.bean(LossLapses.class) };
		Instant later = Instant.now().plus(Duration.ofHours(2));

		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			LossLapses job = jobs[i % 2];
			runs.add(pool.submit(() -> {
				start.await();
				return job.releaseLapsed(later);
			}));
		}
		start.countDown();
		int released = 0;
		for (Future<Integer> run : runs) {
			released += run.get();
		}
		pool.shutdown();

		assertThat(released).isGreaterThanOrEqualTo(cards.size());
		assertThat(cards).allSatisfy((card) -> {
			assertThat(this.jdbc.queryForObject("select status from cards where card_number = ?", String.class,
					card.cardNumber())).isEqualTo("NORMAL");
			assertThat(events(card, "LOSS_RELEASED")).isEqualTo(1);
		});
	}

	@Test
	void concurrentBranchesWithOneCodeCreateOneBranch() throws Exception {
		String code = "RACE-" + Fixtures.next();
		String admin = this.given.adminToken();

		List<Response> responses = concurrently(6, (api) -> api.post("/api/v1/admin/branches", admin,
				Map.of("code", code, "name", "race", "kind", "HOSPITAL", "regionCode", "440305")));

		assertThat(statuses(responses)).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 201).allSatisfy((r) -> assertThat(r.code()).isEqualTo("DUPLICATE"));
	}

	@Test
	void twentyWrongVerificationsOnTwoInstancesLockAfterExactlyTheRegionsThreshold() throws Exception {
		TestCard card = this.given.card("511102", null);
		String hall = this.given.window("SERVICE_HALL", "511102");
		assertThat(this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678")).status()).isEqualTo(200);

		List<Response> responses = concurrently(20,
				(api) -> api.post(card.path("/social-security-account/pin-verification"), hall, Map.of("pin", "000000")));

		assertThat(responses.stream().map(Response::code).filter("PIN_MISMATCH"::equals)).hasSize(5);
		assertThat(responses.stream().map(Response::code).filter("ACCOUNT_LOCKED"::equals)).hasSize(15);
		assertThat(mismatchCount(card)).isEqualTo(6);
		assertThat(events(card, "PIN_MISMATCH")).isEqualTo(5);
		assertThat(events(card, "LOCKED")).isEqualTo(1);
	}

	@Test
	void identityMismatchesOnBothInstancesCountTogether() throws Exception {
		TestCard card = this.given.card("440305", "ICBC");
		String wechat = this.given.client("WECHAT", null);
		Map<String, Object> guess = Map.of("idNumber", card.idNumber(), "holderName", "猜", "phone", "13812345678",
				"newPin", "731946");

		List<Response> guesses = concurrently(6, (api) -> api.post(card.path("/financial-account/activation"), wechat, guess));

		assertThat(guesses.stream().map(Response::code).filter("IDENTITY_MISMATCH"::equals)).hasSize(5);
		assertThat(guesses.stream().map(Response::code).filter("IDENTITY_CHECKS_EXHAUSTED"::equals)).hasSize(1);
	}

}
