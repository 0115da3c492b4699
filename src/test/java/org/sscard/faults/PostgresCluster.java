package org.sscard.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A PostgreSQL cluster of the machine's own Debian packages ({@code pg_createcluster}), on a port
 * and under a name ({@code sscardfault_*}) of its own, trusting connections from 127.0.0.1 only.
 * Every method acts as the real tools do, so that what the tests do is what docs/deployment.md
 * tells an operator to do.
 */
final class PostgresCluster implements AutoCloseable {

	static final String PREFIX = "sscardfault";

	private final String version;

	private final String name;

	private final int port;

	private PostgresCluster(String version, String name, int port) {
		this.version = version;
		this.name = name;
		this.port = port;
	}

	/** The newest PostgreSQL major version installed. */
	static String installedVersion() {
		try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
			return dirs.map((p) -> p.getFileName().toString())
				.filter((v) -> v.matches("\\d+"))
				.max(Comparator.comparingInt(Integer::parseInt))
				.orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql", ex);
		}
	}

	/** Drops the clusters an earlier run left behind (killed before it could tidy up). */
	static void dropLeftovers() {
		String listing = Commands.runQuietly("pg_lsclusters", "-h");
		if (listing == null) {
			return;
		}
		listing.lines().map((line) -> line.trim().split("\\s+")).filter((f) -> f.length > 1 && f[1].startsWith(PREFIX))
			.forEach((f) -> Commands.runQuietly("pg_dropcluster", "--stop", f[0], f[1]));
	}

	/** A new primary, started; {@code synchronousStandby} names the standby whose flush every commit waits for. */
	static PostgresCluster primary(String name, int port, String synchronousStandby) {
		PostgresCluster cluster = create(name, port, "synchronous_standby_names = '" + synchronousStandby + "'",
				"synchronous_commit = on");
		cluster.start();
		return cluster;
	}

	/** A streaming standby of {@code primary}, copied with pg_basebackup, started. */
	static PostgresCluster standbyOf(PostgresCluster primary, String name, int port) {
		PostgresCluster standby = create(name, port);
		Path data = standby.dataDirectory();
		Commands.run("find", data.toString(), "-mindepth", "1", "-delete");
		Commands.run("runuser", "-u", "postgres", "--", Path.of("/usr/lib/postgresql", primary.version, "bin",
				"pg_basebackup").toString(), "-D", data.toString(), "-R", "-X", "stream", "-c", "fast", "-d",
				"host=127.0.0.1 port=" + primary.port + " user=postgres application_name=" + name);
		standby.start();
		return standby;
	}

	private static PostgresCluster create(String name, int port, String... settings) {
		String version = installedVersion();
		Commands.run("pg_createcluster", version, name, "-p", Integer.toString(port));
		PostgresCluster cluster = new PostgresCluster(version, name, port);
		Path config = Path.of("/etc/postgresql", version, name);
		StringBuilder conf = new StringBuilder("listen_addresses = '127.0.0.1'\nmax_connections = 60\n"
				+ "shared_buffers = '32MB'\nwal_level = replica\nmax_wal_senders = 4\n");
		Arrays.stream(settings).forEach((s) -> conf.append(s).append('\n'));
		try {
			Files.writeString(config.resolve("conf.d").resolve("sscardfault.conf"), conf);
			Files.writeString(config.resolve("pg_hba.conf"),
					"local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return cluster;
	}

	Path dataDirectory() {
		return Path.of("/var/lib/postgresql", this.version, this.name);
	}

	int port() {
		return this.port;
	}

	String name() {
		return this.name;
	}

	void start() {
		Commands.run("pg_ctlcluster", "--skip-systemctl-redirect", this.version, this.name, "start");
	}

	/** Stops at once, as a crash or a pulled cable would: no checkpoint, connections cut. */
	void stopImmediately() {
		Commands.run("pg_ctlcluster", "--skip-systemctl-redirect", this.version, this.name, "stop", "-m", "immediate");
	}

	/** Promotes this standby to primary and returns when it accepts writes. */
	void promote() {
		Commands.run("pg_ctlcluster", "--skip-systemctl-redirect", this.version, this.name, "promote");
	}

	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, "postgres", "");
	}

	/** Waits until this primary's named standby is its synchronous standby. */
	void awaitSynchronousStandby(String standby, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			try (Connection connection = connect("postgres");
					var statement = connection.prepareStatement(
							"select sync_state from pg_stat_replication where application_name = ?")) {
				statement.setString(1, standby);
				try (var rows = statement.executeQuery()) {
					if (rows.next() && "sync".equals(rows.getString(1))) {
						return;
					}
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError(standby + " did not become the synchronous standby of " + this.name);
	}

	@Override
	public void close() {
		Commands.runQuietly("pg_dropcluster", "--stop", this.version, this.name);
	}

}
