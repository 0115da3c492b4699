package org.sscard.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sscard.faults.TellerLoad.Call;
import org.sscard.faults.TellerLoad.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling upgrade under load: two instances of the running release behind HAProxy; the first
 * instance of the new release applies its Flyway migration (expand: a new column and a new table,
 * src/test/resources/faults/migration) while both old ones serve; then the old ones are stopped
 * (SIGTERM) one by one and replaced. Last, the previous release is started again on the expanded
 * schema, as a roll-back would. Not one call may fail, on either version.
 */
class RollingUpgradeIT {

	static final String NEW_RELEASE_MIGRATIONS = "--spring.flyway.locations=classpath:db/migration,filesystem:"
			+ Path.of("src/test/resources/faults/migration").toAbsolutePath();

	@Test
	void bothVersionsServeWhileTheMigrationAppliesAndNoCallFails() throws Exception {
		FaultPreconditions.require("haproxy", "psql");
		try (Deployment deployment = new Deployment(List.of(18181, 18182, 18183, 18184, 18185))) {
			ServiceInstance old1 = deployment.start("upgrade-old-1", 18181);
			ServiceInstance old2 = deployment.start("upgrade-old-2", 18182);
			deployment.prepare(18182, 6000, 1000);
			TellerLoad load = deployment.loadThroughBalancer(18182);
			load.start();
			Thread.sleep(3000);

			deployment.start("upgrade-new-1", 18183, NEW_RELEASE_MIGRATIONS);
			int migratedAt = load.soFar().size();
			old1.terminate();
			deployment.start("upgrade-new-2", 18184, NEW_RELEASE_MIGRATIONS);
			old2.terminate();
			ServiceInstance rolledBack = deployment.start("upgrade-old-again", 18185);
			Thread.sleep(2000);
			rolledBack.terminate();
			List<Call> calls = load.finish();

			Figures figures = Figures.of(calls);
			List<String> lost;
			boolean expanded;
			try (Connection db = PostgresConnections.open(Deployment.DB_PORT, deployment.database)) {
				lost = CardCentre.lost(db, calls);
				try (Statement statement = db.createStatement();
						ResultSet rows = statement.executeQuery("select count(*) from flyway_schema_history "
								+ "where version = '900' and success")) {
					rows.next();
					expanded = rows.getInt(1) == 1;
				}
			}
			System.out.println(figures.line("rolling-upgrade", "lost=" + lost.size() + " calls_before_migration="
					+ migratedAt + " migration_applied=" + expanded));

			assertThat(expanded).as("the new release's migration applied").isTrue();
			assertThat(migratedAt).as("calls answered before the new release migrated").isPositive();
			assertThat(lost).as("acknowledged writes missing").isEmpty();
			assertThat(figures.answered503() + figures.answered500() + figures.balancerErrors() + figures.hangs())
				.as("5xx answers and hangs, on either version").isZero();
			assertThat(figures.failedCalls()).as("failed calls: " + figures.wrongAnswers()).isZero();
		}
	}

}
