package org.sscard.feed;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

	/** Declared (durable) by Spring AMQP on every new connection, so also after a broker comes back empty. */
	@Bean
	TopicExchange feedExchange() {
		return new TopicExchange(FeedProperties.EXCHANGE, true, false);
	}

	/**
	 * A broker that accepts TCP but never answers (a dead network) would hold each connection
	 * attempt for the AMQP handshake's default 10 s: give up as soon as the connect timeout.
	 */
	@Bean
	ConnectionFactoryCustomizer feedHandshakeTimeout() {
		return (factory) -> factory.setHandshakeTimeout(Math.max(factory.getConnectionTimeout(), 1000));
	}

}
