package org.sscard.feed;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.sscard.SscardApplication;
import org.sscard.support.Api;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.FeedSubscriber;
import org.sscard.support.FeedSubscriber.Received;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.TcpProxy;
import org.sscard.support.TestBroker;
import org.sscard.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ becomes unreachable (the link to it accepts connections and never answers, as a dead
 * network does): the service goes on answering and stays healthy, the events wait, and once the
 * broker is back every one of them arrives, each card's in the order they happened.
 */
class BrokerOutageTests extends ApiTest {

	static final int CARDS = 100;

	@Autowired
	FeedPurge purge;

	@Test
	void changesMadeWhileTheBrokerIsUnreachableAreAllPublishedInOrderOnceItIsBack() throws Exception {
		String admin = this.given.adminToken();
		String window = this.given.window("SERVICE_HALL", "440305");
		TcpProxy link = TestBroker.link();
		Set<String> ours;
		try (FeedSubscriber subscriber = FeedSubscriber.bind("card.#")) {
			link.blackhole();
			try {
				awaitBroker(admin, "DOWN");
				ours = makeTwoChangesOnEachOf(CARDS, admin, window);

				Thread.sleep(1000);
				assertThat(subscriber.received()).filteredOn((m) -> ours.contains(m.cardNumber())).isEmpty();
				Response health = this.api.get("/actuator/health", admin);
				assertThat(health.status()).isEqualTo(200);
				assertThat(health.text("/status")).isEqualTo("UP");
				assertThat(health.text("/components/feed/details/broker")).isEqualTo("DOWN");
				assertThat(health.json().at("/components/feed/details/pending").asLong()).isGreaterThanOrEqualTo(2 * CARDS);
				assertThat(this.api.get("/actuator/health/readiness", null).text("/status")).isEqualTo("UP");
				assertThat(this.api.get("/actuator/health/liveness", null).text("/status")).isEqualTo("UP");
				String metrics = this.api.get("/actuator/prometheus", admin).body();
				assertThat(gauge(metrics, "sscard_feed_pending")).isGreaterThanOrEqualTo(2 * CARDS);
				assertThat(gauge(metrics, "sscard_feed_oldest_pending_age_seconds")).isGreaterThan(0);

				// Unpublished entries are never purged, however old.
				this.purge.purgeOlderThan(0);
				assertThat(this.jdbc.queryForObject("select count(*) from feed_events where card_number = any(?)",
						Long.class, (Object) ours.toArray(String[]::new))).isEqualTo(2L * CARDS);
			}
			finally {
				link.restore();
			}

			List<Received> received = subscriber.awaitDistinct((m) -> ours.contains(m.cardNumber()), 2 * CARDS,
					Duration.ofSeconds(30));
			List<Received> firsts = received.stream().filter(EventFeedTests.distinctBy(Received::eventId)).toList();
			assertThat(firsts).hasSize(2 * CARDS);
			Map<String, List<String>> perCard = firsts.stream()
				.collect(Collectors.groupingBy(Received::cardNumber, LinkedHashMap::new,
						Collectors.mapping(Received::type, Collectors.toList())));
			assertThat(perCard).hasSize(CARDS)
				.allSatisfy((card, types) -> assertThat(types).containsExactly("CARD_ISSUED", "ACCOUNT_ACTIVATED"));
			assertThat(firsts).extracting(Received::position).isSorted();
			awaitBroker(admin, "UP");
			// Counted when the broker's confirms arrive, which can be after the subscriber got the messages.
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			double published = gauge(this.api.get("/actuator/prometheus", admin).body(), "sscard_feed_published_total");
			while (published < 2 * CARDS && System.nanoTime() < deadline) {
				Thread.sleep(50);
				published = gauge(this.api.get("/actuator/prometheus", admin).body(), "sscard_feed_published_total");
			}
			assertThat(published).isGreaterThanOrEqualTo(2 * CARDS);
		}
	}

	@Test
	void theServiceStartsAndServesWithoutABroker() throws Exception {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		List<String> args = new ArrayList<>(List.of(TestDatabase.standaloneArguments()));
		args.addAll(List.of("--server.port=0", "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=" + deadPort));
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SscardApplication.class).profiles("test")
			.run(args.toArray(String[]::new))) {
			Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
			String admin = api.token(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
			TestCard card = Fixtures.newCard("440305", "ICBC");
			assertThat(api.post("/api/v1/admin/cards", admin, card.issueRequest()).status()).isEqualTo(201);
			assertThat(api.get("/actuator/health", null).text("/status")).isEqualTo("UP");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!"DOWN".equals(api.get("/actuator/health", admin).text("/components/feed/details/broker"))
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(api.get("/actuator/health", admin).text("/components/feed/details/broker")).isEqualTo("DOWN");
		}
	}

	/** Issues {@code count} cards and activates each one's social-security account, eight at a time. */
	Set<String> makeTwoChangesOnEachOf(int count, String admin, String window) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<List<Integer>>> calls = new ArrayList<>();
		List<String> cards = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TestCard card = Fixtures.newCard("440305", (i % 2 == 0) ? "ICBC" : null);
			cards.add(card.cardNumber());
			calls.add(pool.submit(() -> List.of(this.api.post("/api/v1/admin/cards", admin, card.issueRequest()).status(),
					this.api.post(card.path("/social-security-account/activation"), window,
							Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678")).status())));
		}
		for (Future<List<Integer>> call : calls) {
			assertThat(call.get()).containsExactly(201, 200);
		}
		pool.shutdown();
		return Set.copyOf(cards);
	}

	void awaitBroker(String admin, String state) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!state.equals(this.api.get("/actuator/health", admin).text("/components/feed/details/broker"))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(this.api.get("/actuator/health", admin).text("/components/feed/details/broker")).isEqualTo(state);
	}

	static double gauge(String prometheus, String name) {
		return prometheus.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no metric " + name));
	}

}
