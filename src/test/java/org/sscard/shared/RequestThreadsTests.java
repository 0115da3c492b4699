package org.sscard.shared;

import java.time.Duration;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The service runs two request threads per processor unless told otherwise (docs/performance.md). */
class RequestThreadsTests extends ApiTest {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theRunningServiceHasTwoRequestThreadsPerProcessor() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		AbstractProtocol<?> http = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
		assertThat(http.getMaxThreads()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
	}

	@Test
	void aSetNumberOfThreadsIsKept() {
		assertThat(new HttpProperties(Duration.ofSeconds(10), Duration.ZERO, 12).threads()).isEqualTo(12);
		assertThat(new HttpProperties(Duration.ofSeconds(10), Duration.ZERO, null).threads())
			.isEqualTo(2 * Runtime.getRuntime().availableProcessors());
	}

}
