package org.sscard.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long clients may take.
 *
 * @param bodyTimeout how long a client may take to send the body it announced; then 408 and the
 * connection is closed ({@code SSCARD_HTTP_BODY_TIMEOUT})
 */
@ConfigurationProperties("sscard.http")
@Validated
record HttpProperties(@NotNull @DefaultValue("10s") Duration bodyTimeout) {

	HttpProperties {
		if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
			throw new IllegalStateException("Setting sscard.http.body-timeout must be positive.");
		}
	}

}
