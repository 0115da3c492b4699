package org.sscard.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations may take minutes (an index built CONCURRENTLY on a large table); the pool's socket
 * timeout, which keeps a counter from waiting on a silent database, must not cut them off. It did:
 * a CREATE INDEX CONCURRENTLY migration (tried on the feed's table) failed after 3 s on a database
 * with a few hundred thousand feed entries.
 */
class MigrationConnectionTests extends ApiTest {

	@Autowired
	Flyway flyway;

	@Autowired
	DataSource pool;

	@Test
	void flywayMigratesOnAConnectionOfItsOwnWithoutThePoolsSocketTimeout() throws SQLException {
		assertThat(this.flyway.getConfiguration().getDataSource()).isNotSameAs(this.pool);
		try (Connection migration = this.flyway.getConfiguration().getDataSource().getConnection();
				Connection call = this.pool.getConnection()) {
			assertThat(call.getNetworkTimeout()).as("a call's socket timeout, ms").isEqualTo(3000);
			assertThat(migration.getNetworkTimeout()).as("a migration's socket timeout, ms (0: none)").isZero();
			assertThat(migration.getMetaData().getURL()).isEqualTo(call.getMetaData().getURL());
			assertThat(migration.getMetaData().getUserName()).isEqualTo(call.getMetaData().getUserName());
		}
	}

	/**
	 * Flyway's default lock is held in an open transaction, and CREATE INDEX CONCURRENTLY waits for
	 * every open transaction to end: that migration then waited for Flyway's own lock forever.
	 */
	@Test
	void flywayLocksWithoutHoldingATransactionOpen() {
		assertThat(this.flyway.getConfiguration()
			.getPluginRegister()
			.getPlugin(PostgreSQLConfigurationExtension.class)
			.isTransactionalLock()).isFalse();
	}

}
