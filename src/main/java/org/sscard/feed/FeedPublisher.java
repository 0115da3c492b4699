package org.sscard.feed;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes numbered feed entries to the topic exchange {@code sscard.events}, at least once, in
 * position order: a batch is sent on one channel, RabbitMQ confirms it, and only then does
 * {@code feed_publication.published_position} move past it (one row, not a mark on each entry: the
 * entries stay as the sequencer wrote them). A failure (broker down, unreachable, no confirm in time) leaves the whole batch
 * unmarked and stops there; the next round sends it again from its first entry, so a card's
 * events reach the exchange in the order they happened, even after an outage, and a duplicate is
 * always one a consumer already had (consumers de-duplicate on {@code eventId}).
 *
 * <p>Written here rather than with Spring Modulith's AMQP externalization (2.0.x): that sends each
 * event on its own, asynchronously after the commit, and marks it complete when the send returns,
 * without a publisher confirm; incomplete publications are resubmitted without regard to order.
 * Neither gives "confirmed, in feed order per card, resumed from the first failure".
 *
 * <p>One instance publishes at a time (a PostgreSQL advisory lock held for the batch's
 * transaction); any instance may be the one, so publication goes on while any instance runs.
 */
@Component
class FeedPublisher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

	/** The advisory-lock key that lets one instance publish at a time ("sscardpb"). */
	private static final long PUBLISHER_LOCK = 0x7373636172647062L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RabbitTemplate rabbit;

	private final ConnectionFactory connections;

	private final JsonMapper json;

	private final FeedProperties properties;

	private final Counter published;

	private final Worker worker;

	private volatile Boolean brokerUp;

	FeedPublisher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RabbitTemplate rabbit,
			ConnectionFactory connections, JsonMapper json, FeedProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.rabbit = rabbit;
		this.connections = connections;
		this.json = json;
		this.properties = properties;
		this.published = Counter.builder("sscard.feed.published")
			.description("Feed events published to RabbitMQ and confirmed by it (by this instance)")
			.register(meters);
		this.worker = new Worker("feed-publisher", properties.interval(), properties.linger(), this::publishAll);
	}

	void wakeUp() {
		this.worker.wakeUp();
	}

	/** Whether RabbitMQ answered this instance's last attempt; null before the first. */
	Boolean brokerUp() {
		return this.brokerUp;
	}

	private void publishAll() {
		if (!brokerReachable()) {
			return;
		}
		int sent;
		do {
			sent = publishBatch();
		}
		while (sent == this.properties.batchSize());
	}

	/** Publishes the next batch of unpublished entries if no other instance is; returns how many. */
	int publishBatch() {
		Integer sent = this.transactions.execute((status) -> {
			if (!Boolean.TRUE.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
					PUBLISHER_LOCK))) {
				return 0;
			}
			long published = this.jdbc.queryForObject("select published_position from feed_publication", Long.class);
			List<Row> batch = this.jdbc.query("""
					select position, event_id, type, occurred_at, card_number, account, channel, branch_code, bank_code
					from feed_events where position > ? order by position limit ?""",
					(rs, n) -> new Row(new FeedItem(rs.getLong("position"), rs.getObject("event_id", UUID.class),
							rs.getString("type"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
							rs.getString("card_number"), rs.getString("account"), rs.getString("channel"),
							rs.getString("branch_code")), rs.getString("bank_code")),
					published, this.properties.batchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			send(batch);
			this.jdbc.update("update feed_publication set published_position = ?",
					batch.get(batch.size() - 1).item().position());
			return batch.size();
		});
		int count = (sent != null) ? sent : 0;
		this.published.increment(count);
		return count;
	}

	private void send(List<Row> batch) {
		try {
			this.rabbit.invoke((operations) -> {
				for (Row row : batch) {
					operations.send(FeedProperties.EXCHANGE, row.item().routingKey(), message(row));
				}
				operations.waitForConfirmsOrDie(this.properties.confirmTimeout().toMillis());
				return null;
			});
		}
		catch (RuntimeException ex) {
			brokerState(false, ex);
			throw ex;
		}
	}

	private Message message(Row row) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding("UTF-8");
		properties.setMessageId(row.item().eventId().toString());
		properties.setTimestamp(Date.from(row.item().occurredAt()));
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setType(row.item().type());
		if (row.bankCode() != null) {
			// Lets a bank bind a headers exchange, or filter, on its own cards without reading bodies.
			properties.setHeader("bankCode", row.bankCode());
		}
		return new Message(this.json.writeValueAsBytes(row.item()), properties);
	}

	private boolean brokerReachable() {
		try {
			Connection connection = this.connections.createConnection();
			connection.close();
			brokerState(true, null);
			return true;
		}
		catch (RuntimeException ex) {
			brokerState(false, ex);
			return false;
		}
	}

	private void brokerState(boolean up, RuntimeException failure) {
		Boolean before = this.brokerUp;
		this.brokerUp = up;
		if (up && Boolean.FALSE.equals(before)) {
			log.info("RabbitMQ is reachable again: publishing the event feed's backlog");
		}
		else if (!up && !Boolean.FALSE.equals(before)) {
			log.warn("RabbitMQ unreachable ({}): publication of the event feed is delayed until it is back; "
					+ "the service goes on serving", failure.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		this.worker.start();
	}

	@Override
	public void stop() {
		this.worker.stop();
	}

	@Override
	public boolean isRunning() {
		return this.worker.isRunning();
	}

	private record Row(FeedItem item, String bankCode) {
	}

}
