package org.sscard.shared;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat's request threads: {@code sscard.http.threads}, two per processor unless set. */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> maxRequestThreads(HttpProperties http) {
		return new MaxThreads(http.threads());
	}

	/** Applied after Spring Boot's own {@code server.tomcat.*} settings, so that this one holds. */
	record MaxThreads(int threads) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addConnectorCustomizers((connector) -> {
				if (connector.getProtocolHandler() instanceof AbstractProtocol<?> http) {
					http.setMaxThreads(this.threads);
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
