package org.sscard.faults;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.sscard.faults.TellerLoad.Attempt;
import org.sscard.faults.TellerLoad.Call;
import org.sscard.faults.TellerLoad.Figures;
import org.sscard.faults.TellerLoad.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind HAProxy under load; one of them is killed (SIGKILL: a crash, an OOM kill, a
 * lost host) or stopped (SIGTERM: a deployment, a scale-in). The other carries on alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceLossIT {

	static final int FIRST = 18181;

	static final int SECOND = 18182;

	Deployment deployment;

	ServiceInstance first;

	ServiceInstance second;

	@BeforeAll
	void startTwoInstances() throws Exception {
		FaultPreconditions.require("haproxy", "psql");
		this.deployment = new Deployment(List.of(FIRST, SECOND));
		this.first = this.deployment.start("instance-1", FIRST);
		this.second = this.deployment.start("instance-2", SECOND);
		this.deployment.prepare(SECOND, 6000, 1000);
	}

	@AfterAll
	void tidyUp() throws Exception {
		if (this.deployment != null) {
			this.deployment.close();
		}
	}

	@Test
	@Order(1)
	void aKilledInstanceFailsOnlyItsCallsInFlightAndTheirRetriesSucceed() throws Exception {
		TellerLoad load = this.deployment.loadThroughBalancer(SECOND);
		load.start();
		Thread.sleep(4000);
		this.first.kill();
		Thread.sleep(5000);
		List<Call> calls = load.finish();

		Figures figures = Figures.of(calls);
		List<Call> ambiguous = TellerLoad.ambiguousCommits(calls);
		List<String> lost;
		int halfActivated;
		try (Connection db = PostgresConnections.open(Deployment.DB_PORT, this.deployment.database)) {
			lost = CardCentre.lost(db, calls);
			halfActivated = this.deployment.centre.halfActivated(db);
		}
		List<Attempt> replays = replayAcknowledgedActivations(load, calls);
		System.out.println(figures.line("instance-sigkill", "lost=" + lost.size() + " half_activated=" + halfActivated
				+ " already_active_after_ambiguous_commit=" + ambiguous.size() + " replays_checked=" + replays.size()));

		assertThat(lost).as("acknowledged writes missing").isEmpty();
		assertThat(halfActivated).as("cards with one account activated").isZero();
		assertThat(figures.retried()).as("calls that failed at first: at most those in flight on the killed instance")
			.isLessThanOrEqualTo(6);
		assertThat(figures.answered500()).as("500s").isZero();
		assertThat(figures.hangs()).as("hangs").isZero();
		assertThat(ambiguous).as("retries refused ALREADY_ACTIVE for the work of their own first attempt").isEmpty();
		assertThat(figures.failedCalls())
			.as("calls that did not succeed when retried: " + figures.wrongAnswers())
			.isZero();
		assertThat(replays).as("a retry of a call that had succeeded replays 200, never ALREADY_ACTIVE")
			.isNotEmpty()
			.allSatisfy((a) -> assertThat(a.status() + " " + a.code()).isEqualTo("200 REPLAYED"));
	}

	@Test
	@Order(2)
	void aStoppedInstanceDrainsItsCallsAndNoCallFails() throws Exception {
		TellerLoad load = this.deployment.loadThroughBalancer(SECOND);
		if (!this.first.isAlive()) {
			this.first = this.deployment.start("instance-1", FIRST);
		}
		load.start();
		Thread.sleep(4000);
		long drainMillis = this.second.terminate().toMillis();
		Thread.sleep(4000);
		List<Call> calls = load.finish();

		Figures figures = Figures.of(calls);
		List<String> lost;
		try (Connection db = PostgresConnections.open(Deployment.DB_PORT, this.deployment.database)) {
			lost = CardCentre.lost(db, calls);
		}
		System.out.println(figures.line("instance-sigterm", "lost=" + lost.size() + " shutdown_ms=" + drainMillis));

		assertThat(lost).as("acknowledged writes missing").isEmpty();
		assertThat(figures.acknowledged()).isPositive();
		assertThat(figures.retried()).as("calls that needed a retry: " + figures.line("", "")).isZero();
		assertThat(figures.failedCalls()).isZero();
	}

	/** Every activation acknowledged around the kill, sent again with its key. */
	static List<Attempt> replayAcknowledgedActivations(TellerLoad load, List<Call> calls) throws Exception {
		List<Call> again = calls.stream()
			.filter((c) -> c.kind() == Kind.ACTIVATION && c.acknowledged())
			.sorted((a, b) -> Boolean.compare(b.failedFirstTime(), a.failedFirstTime()))
			.limit(20)
			.toList();
		List<Attempt> replays = new java.util.ArrayList<>();
		for (Call call : again) {
			replays.add(load.resend(call));
		}
		return replays;
	}

}
