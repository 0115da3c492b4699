package org.sscard.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/sscard-*.jar}) run as its own operating-system process, as in
 * production: stopped with SIGTERM (graceful shutdown) or SIGKILL (a crash), never from inside.
 */
final class ServiceInstance implements AutoCloseable {

	/** Keys shared by every instance of one test, as a secret store would hand them out; random per run. */
	record Secrets(String jwtSecret, String pinKey, String adminPassword) {

		static Secrets random() {
			byte[] jwt = new byte[48];
			byte[] pin = new byte[32];
			ThreadLocalRandom.current().nextBytes(jwt);
			ThreadLocalRandom.current().nextBytes(pin);
			return new Secrets(Base64.getEncoder().encodeToString(jwt), Base64.getEncoder().encodeToString(pin),
					"fault-admin-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
		}

		static final String PIN_KEY_ID = "fault";

		static final String ADMIN = "fault-admin";

	}

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceInstance(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	static Path packagedJar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("sscard-.*\\.jar")).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Starts the jar on {@code port} against {@code jdbcUrl} and returns once it is ready for traffic. */
	static ServiceInstance start(String name, int port, String jdbcUrl, Secrets secrets, String... arguments)
			throws Exception {
		Path log = Path.of("target", "faults", name + ".log");
		Files.createDirectories(log.getParent());
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-jar", packagedJar().toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.directory(new File("."));
		Map<String, String> env = builder.environment();
		env.put("SSCARD_DB_URL", jdbcUrl);
		env.put("SSCARD_DB_USERNAME", "postgres");
		env.put("SSCARD_DB_PASSWORD", "");
		env.put("SSCARD_PORT", Integer.toString(port));
		env.put("SSCARD_JWT_SECRET", secrets.jwtSecret());
		env.put("SSCARD_PIN_KEY", secrets.pinKey());
		env.put("SSCARD_PIN_KEY_ID", Secrets.PIN_KEY_ID);
		env.put("SSCARD_BOOTSTRAP_ADMIN_USERNAME", Secrets.ADMIN);
		env.put("SSCARD_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword());
		// No broker: the event feed only waits (it is not what these tests are about), and no
		// test's messages end up in a shared RabbitMQ.
		env.put("SSCARD_RABBIT_PORT", "1");
		// docs/deployment.md: a key whose call died with its database connection is free again after
		// this (the default, 30 s, is far above the longest call the timeouts allow).
		env.put("SSCARD_IDEMPOTENCY_LEASE", "10s");
		// Longer than HAProxy's health checks take to remove an instance (2 x 500 ms, LoadBalancer).
		env.put("SSCARD_HTTP_DRAIN_DELAY", "2s");
		ServiceInstance instance = new ServiceInstance(name, port, builder.start(), log);
		instance.awaitReady(Duration.ofSeconds(120));
		return instance;
	}

	private void awaitReady(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(2))
							.build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		close();
		throw new AssertionError(this.name + " was not ready within " + timeout + ":\n" + logTail());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	/** SIGTERM, as an orchestrator stops a container; returns once the process has ended. */
	Duration terminate() throws InterruptedException {
		Instant start = Instant.now();
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new AssertionError(this.name + " did not stop within 60 s of SIGTERM:\n" + logTail());
		}
		return Duration.between(start, Instant.now());
	}

	/** SIGKILL: the process ends at once, whatever it was doing. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
