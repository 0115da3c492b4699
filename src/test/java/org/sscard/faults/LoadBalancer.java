package org.sscard.faults;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy in front of the instances, configured as docs/deployment.md recommends: a new server
 * connection per request, a failed connection retried on another instance (nothing was sent, so
 * nothing can be done twice), instances taken out of rotation by their readiness probe.
 */
final class LoadBalancer implements AutoCloseable {

	private final Process process;

	private final int port;

	private LoadBalancer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static String configuration(int port, List<Integer> instancePorts) {
		String servers = IntStream.range(0, instancePorts.size())
			.mapToObj((i) -> "  server s" + (i + 1) + " 127.0.0.1:" + instancePorts.get(i) + " check")
			.collect(Collectors.joining("\n"));
		return """
				global
				  maxconn 512
				defaults
				  mode http
				  timeout connect 1s
				  timeout client 30s
				  timeout server 30s
				  timeout check 2s
				  # A connection refused or reset before the request was sent is tried again, on
				  # another instance: safe for any call, since the instance never saw it.
				  retries 3
				  option redispatch 1
				  # One server connection per request: an instance that shuts down gracefully never
				  # has an idle keep-alive connection on which HAProxy could send it a request.
				  option http-server-close
				frontend api
				  bind 127.0.0.1:%d
				  default_backend sscard
				backend sscard
				  balance roundrobin
				  option httpchk GET /actuator/health/readiness
				  http-check expect status 200
				  default-server inter 500ms fall 2 rise 1
				%s
				""".formatted(port, servers);
	}

	static LoadBalancer start(int port, List<Integer> instancePorts) throws Exception {
		Path config = Path.of("target", "faults", "haproxy-" + port + ".cfg");
		Files.createDirectories(config.getParent());
		Files.writeString(config, configuration(port, instancePorts));
		String haproxy = FaultPreconditions.onPath("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";
		Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "faults", "haproxy.log").toFile()))
			.start();
		LoadBalancer balancer = new LoadBalancer(process, port);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return balancer;
			}
			catch (IOException ex) {
				if (!process.isAlive()) {
					throw new AssertionError("haproxy exited: see target/faults/haproxy.log");
				}
				Thread.sleep(100);
			}
		}
		balancer.close();
		throw new AssertionError("haproxy did not listen on " + port);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
