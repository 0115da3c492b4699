package org.sscard.faults;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.sscard.faults.ServiceInstance.Secrets;
import org.sscard.faults.TellerLoad.Attempt;
import org.sscard.faults.TellerLoad.Call;
import org.sscard.faults.TellerLoad.Figures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database primary dies under load (immediate stop: no checkpoint, connections cut) and its
 * synchronous standby is promoted. The service reaches both through one multi-host JDBC URL with
 * {@code targetServerType=primary}; nothing else is told of the switch.
 */
class PrimaryFailoverIT {

	static final String PRIMARY = PostgresCluster.PREFIX + "_primary";

	static final String STANDBY = PostgresCluster.PREFIX + "_standby";

	static final int PRIMARY_PORT = 5441;

	static final int STANDBY_PORT = 5442;

	static final int SERVICE_PORT = 18181;

	@Test
	void everyAcknowledgedWriteIsOnThePromotedStandbyAndTheServiceAnswersAgainWithinFiveSeconds() throws Exception {
		FaultPreconditions.require("pg_createcluster", "pg_ctlcluster", "pg_dropcluster", "pg_lsclusters", "psql",
				"runuser");
		PostgresCluster.dropLeftovers();
		try (PostgresCluster primary = PostgresCluster.primary(PRIMARY, PRIMARY_PORT, STANDBY);
				PostgresCluster standby = PostgresCluster.standbyOf(primary, STANDBY, STANDBY_PORT)) {
			primary.awaitSynchronousStandby(STANDBY, Duration.ofSeconds(30));
			PostgresConnections.execute(PRIMARY_PORT, "postgres", "create database sscard");
			String url = "jdbc:postgresql://127.0.0.1:" + PRIMARY_PORT + ",127.0.0.1:" + STANDBY_PORT
					+ "/sscard?targetServerType=primary";
			Secrets secrets = Secrets.random();
			try (ServiceInstance service = ServiceInstance.start("failover", SERVICE_PORT, url, secrets)) {
				CardCentre centre = CardCentre.prepare(PRIMARY_PORT, "sscard", SERVICE_PORT, secrets, 4000, 1000);
				TellerLoad load = centre.load(service.baseUrl(), SERVICE_PORT, 3, 3);
				load.start();
				Thread.sleep(4000);

				primary.stopImmediately();
				Instant killed = Instant.now();
				Thread.sleep(2000);
				standby.promote();
				Instant promoted = Instant.now();
				Duration recovery = firstFreshSuccess(centre, SERVICE_PORT, Duration.ofSeconds(30));
				Thread.sleep(5000);
				List<Call> calls = load.finish();
				Duration outage = firstSuccessAfter(calls, killed);
				List<String> lost;
				int halfActivated;
				try (Connection db = PostgresConnections.open(STANDBY_PORT, "sscard")) {
					lost = CardCentre.lost(db, calls);
					halfActivated = centre.halfActivated(db);
				}
				Figures figures = Figures.of(calls);
				List<Call> ambiguous = TellerLoad.ambiguousCommits(calls);
				System.out.println(figures.line("primary-failover", "lost=" + lost.size() + " half_activated=" + halfActivated
						+ " already_active_after_ambiguous_commit=" + ambiguous.size()
						+ " outage_ms=" + outage.toMillis() + " serving_again_after_promotion_ms=" + recovery.toMillis()));

				assertThat(figures.answered503()).as("calls during the switch answer 503").isPositive();
				assertThat(lost).as("acknowledged writes missing on the new primary").isEmpty();
				assertThat(halfActivated).as("cards with one account activated").isZero();
				assertThat(figures.answered500()).as("500s").isZero();
				assertThat(figures.hangs()).as("calls unanswered within " + TellerLoad.ATTEMPT_TIMEOUT).isZero();
				assertThat(figures.connectionErrors()).as("connections the service dropped").isZero();
				assertThat(ambiguous).as("retries refused ALREADY_ACTIVE for the work of their own first attempt").isEmpty();
				assertThat(figures.failedCalls()).as("calls that did not succeed when retried "
						+ "with their key: " + figures.wrongAnswers()).isZero();
				assertThat(recovery).as("serving again after the promotion").isLessThan(Duration.ofSeconds(5));
			}
		}
	}

	/** How long until a new call (a PIN verification with a key of its own) is answered 200. */
	static Duration firstFreshSuccess(CardCentre centre, int port, Duration timeout) throws InterruptedException {
		Instant start = Instant.now();
		while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
			if (centre.probe(port)) {
				return Duration.between(start, Instant.now());
			}
			Thread.sleep(50);
		}
		return timeout;
	}

	/** From {@code moment} to the first call answered 2xx after it. */
	static Duration firstSuccessAfter(List<Call> calls, Instant moment) {
		Instant first = calls.stream()
			.flatMap((c) -> c.attempts().stream())
			.filter(Attempt::succeeded)
			.map(Attempt::at)
			.filter((at) -> at.isAfter(moment))
			.min(Instant::compareTo)
			.orElse(null);
		Objects.requireNonNull(first, "no call succeeded after " + moment);
		return Duration.between(moment, first);
	}

}
