package org.sscard.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import tools.jackson.databind.JsonNode;

/**
 * A consumer of the exchange {@code sscard.events}, as a bank would run one: its own queue, bound
 * with a routing pattern, keeping every message it receives (duplicates included).
 */
public final class FeedSubscriber implements AutoCloseable {

	private final Connection connection;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private FeedSubscriber(Connection connection) {
		this.connection = connection;
	}

	public static FeedSubscriber bind(String bindingKey) {
		try {
			Connection connection = TestBroker.connectionFactory().newConnection();
			FeedSubscriber subscriber = new FeedSubscriber(connection);
			Channel channel = connection.createChannel();
			channel.exchangeDeclare("sscard.events", "topic", true);
			String queue = channel.queueDeclare().getQueue();
			channel.queueBind(queue, "sscard.events", bindingKey);
			channel.basicConsume(queue, true, (tag, delivery) -> subscriber.received.add(new Received(
					delivery.getEnvelope().getRoutingKey(),
					Api.JSON.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8)),
					(delivery.getProperties().getHeaders() != null) ? Map.copyOf(delivery.getProperties().getHeaders()) : Map.of())),
					(tag) -> {
					});
			return subscriber;
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Waits until {@code count} distinct events (by eventId) matching {@code filter} have arrived. */
	public List<Received> awaitDistinct(Predicate<Received> filter, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Received> matching = this.received.stream().filter(filter).toList();
			long distinct = matching.stream().map(Received::eventId).distinct().count();
			if (distinct >= count || System.nanoTime() > deadline) {
				return matching;
			}
			Thread.sleep(50);
		}
	}

	@Override
	public void close() throws IOException {
		this.connection.close();
	}

	public record Received(String routingKey, JsonNode body, Map<String, Object> headers) {

		public String eventId() {
			return this.body.path("eventId").asString();
		}

		public String cardNumber() {
			return this.body.path("cardNumber").asString();
		}

		public String type() {
			return this.body.path("type").asString();
		}

		public long position() {
			return this.body.path("position").asLong();
		}

		public String header(String name) {
			Object value = this.headers.get(name);
			return (value != null) ? value.toString() : null;
		}

	}

}
