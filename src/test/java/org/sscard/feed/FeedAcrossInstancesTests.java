package org.sscard.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api;
import org.sscard.support.ApiTest;
import org.sscard.support.FeedSubscriber;
import org.sscard.support.FeedSubscriber.Received;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;
import org.sscard.support.OtherInstance;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, a thousand changes at once spread over both, and a reader
 * polling all the while (on either instance): the reader sees every change once, at consecutive
 * positions, and both instances take part in publishing every one of them to RabbitMQ.
 */
class FeedAcrossInstancesTests extends ApiTest {

	static final int CHANGES = 1000;

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void aReaderPollingDuringAThousandConcurrentChangesOnTwoInstancesSeesEachOnceWithoutGaps() throws Exception {
		String admin = this.given.adminToken();
		try (OtherInstance other = OtherInstance.on(this.dataSource);
				FeedSubscriber subscriber = FeedSubscriber.bind("card.card_issued")) {
			Api[] instances = { this.api, other.api() };
			long start = this.jdbc.queryForObject("select last_position from feed_head", Long.class);
			double publishedHere = published(this.meters);
			double publishedThere = published(other.bean(MeterRegistry.class));

			List<JsonNode> read = new ArrayList<>();
			AtomicBoolean changesDone = new AtomicBoolean();
			CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
				long next = start;
				int polls = 0;
				long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
				while (System.nanoTime() < deadline) {
					JsonNode page = instances[polls++ % 2].get("/api/v1/events?after=" + next + "&limit=500", admin).json();
					page.path("events").forEach(read::add);
					next = page.path("next").asLong();
					if (changesDone.get() && page.path("events").isEmpty() && read.size() >= CHANGES) {
						return;
					}
				}
			});

			ExecutorService pool = Executors.newFixedThreadPool(16);
			List<Future<Integer>> calls = new ArrayList<>();
			Set<String> ours = new HashSet<>();
			for (int i = 0; i < CHANGES; i++) {
				TestCard card = Fixtures.newCard("440305", (i % 3 == 0) ? null : "ICBC");
				ours.add(card.cardNumber());
				Api api = instances[i % 2];
				calls.add(pool.submit(() -> api.post("/api/v1/admin/cards", admin, card.issueRequest()).status()));
			}
			for (Future<Integer> call : calls) {
				assertThat(call.get()).isEqualTo(201);
			}
			pool.shutdown();
			changesDone.set(true);
			reader.get();

			assertThat(read).extracting((event) -> event.path("position").asLong())
				.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(start + 1, start + read.size()).boxed().toList());
			assertThat(read.stream().map((event) -> event.path("eventId").asString()).distinct()).hasSize(read.size());
			assertThat(read.stream().map((event) -> event.path("cardNumber").asString()).filter(ours::contains))
				.hasSize(CHANGES);

			List<Received> published = subscriber.awaitDistinct((m) -> ours.contains(m.cardNumber()), CHANGES,
					Duration.ofSeconds(30));
			assertThat(published.stream().map(Received::eventId).distinct()).hasSize(CHANGES);
			assertThat(published(this.meters)).isGreaterThan(publishedHere);
			assertThat(published(other.bean(MeterRegistry.class))).isGreaterThan(publishedThere);
		}
	}

	static double published(MeterRegistry meters) {
		return meters.get("sscard.feed.published").counter().count();
	}

}
