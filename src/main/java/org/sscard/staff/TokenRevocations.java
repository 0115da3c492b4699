package org.sscard.staff;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Which access tokens no longer count because their principal changed or was disabled after
 * they were issued. Every API call asks, so the answer comes from memory: each instance loads
 * the principals that have ever changed at start, hears of every change at once through
 * PostgreSQL {@code LISTEN sscard_principals} on a connection of its own (the database notifies
 * when the changing transaction commits), reloads everything after a reconnect, and every
 * {@value #RELOAD_SECONDS} s anyway in case a notification was lost.
 */
@Component
public class TokenRevocations implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

	static final String CHANNEL = "sscard_principals";

	private static final long RELOAD_SECONDS = 30;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	/** Lower-cased name to state; only principals with revocations (the rest are absent). */
	private final Map<String, PrincipalState> states = new ConcurrentHashMap<>();

	private final PrincipalNames names;

	private final ObjectProvider<JdbcConnectionDetails> connectionDetails;

	private final DataSource dataSource;

	private volatile boolean running;

	private volatile Thread listener;

	private volatile Connection connection;

	TokenRevocations(PrincipalNames names, ObjectProvider<JdbcConnectionDetails> connectionDetails,
			DataSource dataSource) {
		this.names = names;
		this.connectionDetails = connectionDetails;
		this.dataSource = dataSource;
	}

	/**
	 * Whether a token of this principal, with this generation claim (null for a token that has
	 * none, e.g. from an external identity provider) and issue time, must be refused. A map lookup.
	 */
	public boolean refuses(String name, Object generation, Instant issuedAt) {
		if (this.states.isEmpty()) {
			return false;
		}
		PrincipalState state = this.states.get(name.toLowerCase(Locale.ROOT));
		if (state == null) {
			return false;
		}
		if (!state.enabled()) {
			return true;
		}
		if (generation instanceof Number number) {
			return number.longValue() < state.tokenGeneration();
		}
		// Without a generation only the time can tell; iat has whole seconds, so a token issued in
		// the second of the change, before it, still counts.
		Instant validFrom = state.tokensValidFrom();
		return validFrom != null && (issuedAt == null || issuedAt.isBefore(validFrom.truncatedTo(ChronoUnit.SECONDS)));
	}

	/** Takes a newer state; an older one (a late reload or notification) never wins. */
	void apply(PrincipalState state) {
		this.states.merge(state.name().toLowerCase(Locale.ROOT), state,
				(current, offered) -> (offered.tokenGeneration() >= current.tokenGeneration()) ? offered : current);
	}

	private void applyAll(Iterable<PrincipalState> all) {
		all.forEach(this::apply);
	}

	@Override
	public void start() {
		applyAll(this.names.withRevocations());
		this.running = true;
		Thread thread = new Thread(this::listen, "token-revocations");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeQuietly(this.connection);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server starts: no call is served with an empty map. */
	@Override
	public int getPhase() {
		return 0;
	}

	private void listen() {
		Duration backoff = Duration.ofMillis(500);
		boolean failing = false;
		while (this.running) {
			try (Connection listening = connect()) {
				this.connection = listening;
				try (Statement statement = listening.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				// After LISTEN, so that no change falls between the two.
				reload(listening);
				if (failing) {
					log.info("Listening for token revocations again");
					failing = false;
				}
				backoff = Duration.ofMillis(500);
				PGConnection pg = listening.unwrap(PGConnection.class);
				long nextReload = System.nanoTime() + Duration.ofSeconds(RELOAD_SECONDS).toNanos();
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							apply(parse(notification.getParameter()));
						}
					}
					if (System.nanoTime() - nextReload >= 0) {
						reload(listening);
						nextReload = System.nanoTime() + Duration.ofSeconds(RELOAD_SECONDS).toNanos();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				if (!failing) {
					log.warn("Lost the database connection that announces token revocations ({}); retrying",
							ex.getClass().getSimpleName());
					failing = true;
				}
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
				backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
			}
		}
	}

	private void reload(Connection listening) {
		applyAll(new PrincipalNames(new JdbcTemplate(new SingleConnectionDataSource(listening, true)))
			.withRevocations());
	}

	/** A connection of its own: a pooled one would be held forever. */
	private Connection connect() throws SQLException {
		JdbcConnectionDetails details = this.connectionDetails.getIfAvailable();
		if (details == null) {
			return this.dataSource.getConnection();
		}
		Properties properties = new Properties();
		if (details.getUsername() != null) {
			properties.setProperty("user", details.getUsername());
		}
		if (details.getPassword() != null) {
			properties.setProperty("password", details.getPassword());
		}
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("loginTimeout", "2");
		// The periodic reload notices a dead network within this long.
		properties.setProperty("socketTimeout", "10");
		properties.setProperty("tcpKeepAlive", "true");
		properties.setProperty("ApplicationName", "sscard token revocations");
		return DriverManager.getConnection(details.getJdbcUrl(), properties);
	}

	/** See V6: generation|enabled|validFrom in epoch microseconds or empty|name. */
	static PrincipalState parse(String payload) {
		String[] parts = payload.split("\\|", 4);
		Instant validFrom = parts[2].isEmpty() ? null
				: Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
		return new PrincipalState(parts[3], null, Boolean.parseBoolean(parts[1]), Long.parseLong(parts[0]), validFrom);
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already gone
			}
		}
	}

}
