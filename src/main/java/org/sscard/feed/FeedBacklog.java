package org.sscard.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What is waiting to be published, for the metrics ({@code sscard.feed.pending},
 * {@code sscard.feed.oldest.pending.age}) and for health ({@code components.feed}).
 *
 * <p>Health reports the broker's state under details and stays UP when only RabbitMQ is down:
 * the service keeps serving and loses nothing, so a load balancer must not take it out (Spring
 * Boot's own {@code rabbit} indicator, which would turn the whole health DOWN, is switched off).
 * Watch {@code details.broker} and the age gauge instead.
 */
@Component("feedHealthIndicator")
class FeedBacklog implements HealthIndicator {

	private static final long CACHE_NANOS = 1_000_000_000L;

	private final JdbcTemplate jdbc;

	private final FeedPublisher publisher;

	private volatile Snapshot last;

	FeedBacklog(JdbcTemplate jdbc, FeedPublisher publisher, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		Gauge.builder("sscard.feed.pending", this, (backlog) -> backlog.snapshot().pending())
			.description("Feed events not yet confirmed by RabbitMQ")
			.register(meters);
		Gauge.builder("sscard.feed.oldest.pending.age", this, (backlog) -> backlog.snapshot().oldestAgeSeconds())
			.description("Age of the oldest feed event not yet confirmed by RabbitMQ (0 when none)")
			.baseUnit("seconds")
			.register(meters);
	}

	/** The backlog, read at most once a second however often it is asked for; NaN while the database is away. */
	Snapshot snapshot() {
		Snapshot cached = this.last;
		long now = System.nanoTime();
		if (cached != null && now - cached.readAt() < CACHE_NANOS) {
			return cached;
		}
		Snapshot fresh;
		try {
			// The snapshot as a value, not read inside the query: see feed_unnumbered (V25).
			String since = this.jdbc.queryForObject("select last_snapshot::text from feed_head", String.class);
			fresh = this.jdbc.queryForObject("""
					select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
					from (select occurred_at from feed_unnumbered(?::pg_snapshot)
					      union all
					      select occurred_at from feed_outbox
					      union all
					      select occurred_at from feed_events
					      where position is null or position > (select published_position from feed_publication)) pending""",
					(rs, n) -> new Snapshot(rs.getLong(1), rs.getDouble(2), now), since);
		}
		catch (RuntimeException ex) {
			fresh = new Snapshot(Double.NaN, Double.NaN, now);
		}
		this.last = fresh;
		return fresh;
	}

	@Override
	public Health health() {
		Boolean brokerUp = this.publisher.brokerUp();
		Snapshot backlog = snapshot();
		Health.Builder health = Health.up()
			.withDetail("broker", (brokerUp == null) ? "UNKNOWN" : (brokerUp ? "UP" : "DOWN"));
		if (!Double.isNaN(backlog.pending())) {
			health.withDetail("pending", (long) backlog.pending())
				.withDetail("oldestPendingAgeSeconds", Math.round(backlog.oldestAgeSeconds()));
		}
		return health.build();
	}

	record Snapshot(double pending, double oldestAgeSeconds, long readAt) {
	}

}
