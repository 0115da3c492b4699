package org.sscard.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients cannot stop the service: with 500 connections open that announce a body
 * and never send it, or send nothing at all, health and authenticated calls still answer at
 * their usual speed (the service has only two request threads per processor), and the server cuts those
 * connections off after its timeouts (3 s in the test profile).
 */
class SlowClientsTests extends ApiTest {

	static final int ANNOUNCING = 400;

	static final int SILENT = 100;

	@Test
	void slowAndIdleConnectionsHoldNoRequestThreadAndAreCutOff() throws Exception {
		TestCard card = this.given.card("440305", null);
		String admin = this.given.adminToken();
		List<Socket> slow = new ArrayList<>();
		long opened = System.nanoTime();
		try {
			for (int i = 0; i < ANNOUNCING; i++) {
				Socket socket = connect();
				String path = (i % 2 == 0) ? "/api/v1/auth/token" : card.path("/social-security-account/activation");
				socket.getOutputStream()
					.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ "Content-Length: 200\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();
				slow.add(socket);
			}
			for (int i = 0; i < SILENT; i++) {
				slow.add(connect());
			}

			List<Long> latencies = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				long start = System.nanoTime();
				Response health = this.api.get("/actuator/health", null);
				latencies.add(System.nanoTime() - start);
				start = System.nanoTime();
				Response read = this.api.get(card.path(""), admin);
				latencies.add(System.nanoTime() - start);
				assertThat(health.status()).isEqualTo(200);
				assertThat(read.status()).isEqualTo(200);
			}
			Collections.sort(latencies);
			Duration p99 = Duration.ofNanos(latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1));
			System.out.printf("SlowClientsTests: %d slow connections open, %d calls, p50 %d ms, p99 %d ms%n",
					slow.size(), latencies.size(), latencies.get(latencies.size() / 2) / 1_000_000, p99.toMillis());
			assertThat(p99).isLessThan(Duration.ofMillis(500));

			// All cut off by the server a little after their timeout, counted from when they opened.
			int closed = 0;
			for (Socket socket : slow) {
				long left = Duration.ofSeconds(10).toMillis() - (System.nanoTime() - opened) / 1_000_000;
				if (closedByServer(socket, (int) Math.max(left, 100))) {
					closed++;
				}
			}
			System.out.printf("SlowClientsTests: %d of %d slow connections closed by the server within %d ms%n",
					closed, slow.size(), (System.nanoTime() - opened) / 1_000_000);
			assertThat(closed).isEqualTo(slow.size());
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

	Socket connect() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("localhost", port()), 5000);
		return socket;
	}

	/** True when the server closes the connection (after an answer or none) within the time given. */
	static boolean closedByServer(Socket socket, int timeoutMillis) throws IOException {
		socket.setSoTimeout(timeoutMillis);
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		try {
			while (in.read(buffer) >= 0) {
				// the 408 answer, if any
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// reset by the server: closed as well
			return true;
		}
	}

}
