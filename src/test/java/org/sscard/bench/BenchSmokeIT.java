package org.sscard.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps bench/run working: a run of seconds on a few hundred cards, against the packaged jar.
 * The numbers of such a run mean nothing and are not checked, only that every phase ran
 * and the RESULT line came out.
 */
class BenchSmokeIT {

	@Test
	void theBenchmarkRunsEndToEnd() throws Exception {
		Path log = Files.createTempFile("bench-smoke", ".log");
		ProcessBuilder bench = new ProcessBuilder("bash", "bench/run").directory(new File("."))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		bench.environment().put("BENCH_CARDS", "400");
		bench.environment().put("BENCH_DURATION", "2");
		bench.environment().put("BENCH_WARMUP", "2");
		bench.environment().put("BENCH_JDKS", "17");
		bench.environment().put("BENCH_SKIP_BUILD", "1");
		// Its own database and port: other builds on the machine run this test at the same time.
		String database = "sscard_bench_smoke_" + ProcessHandle.current().pid();
		bench.environment().put("BENCH_DB", database);
		bench.environment().put("BENCH_PORT", Integer.toString(freePort()));
		Process process = bench.start();

		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (!finished) {
			process.destroyForcibly();
		}
		new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
				"drop database if exists " + database + " with (force)").inheritIO().start().waitFor(1, TimeUnit.MINUTES);

		assertThat(finished).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		Matcher result = Pattern
			.compile("RESULT activations_per_s=(\\d+) p50_ms=([\\d.]+) p99_ms=([\\d.]+) pgbench_tps=(\\d+) ratio=([\\d.]+)")
			.matcher(output);
		assertThat(result.find()).as(output).isTrue();
		assertThat(Long.parseLong(result.group(1))).isPositive();
		assertThat(Long.parseLong(result.group(4))).isPositive();
		assertThat(output).contains("kind=ss").contains("kind=fin").contains("kind=verify").contains("kind=read")
			.contains("kind=ss_feed_on").contains("kind=ss_feed_off").contains("kind=ss_two");
		assertThat(output).containsPattern("feed_on_per_s=[1-9]\\d* feed_off_per_s=[1-9]\\d* feed_cost=-?[\\d.]+");
		assertThat(Pattern.compile("non2xx=(\\d+)").matcher(output).results().map((m) -> m.group(1)))
			.as("every phase answered 2xx only").hasSizeGreaterThanOrEqualTo(4).containsOnly("0");
		Matcher verifications = Pattern.compile("RESULT verifications_per_s=(\\d+) .* pgbench_tps=(\\d+) ratio=([\\d.]+)")
			.matcher(output);
		assertThat(verifications.find()).as(output).isTrue();
		assertThat(Long.parseLong(verifications.group(1))).isPositive();
	}

	/** A port free right now, so that parallel builds on one machine do not collide on a fixed one. */
	static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
