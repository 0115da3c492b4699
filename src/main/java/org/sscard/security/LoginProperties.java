package org.sscard.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The failed-sign-in throttle of the token endpoint (see {@link LoginThrottle}).
 *
 * @param freeAttemptsPerUser failed sign-ins of one username, any addresses (delays at most 10 s)
 * @param freeAttemptsPerUserAndAddress failed sign-ins of one username from one address before
 * the doubling delays start
 * @param freeAttemptsPerAddress failed sign-ins from one address, any usernames
 * @param ownFailuresBeforeUserLimit failures an address must have of its own before the
 * per-username delay applies to it, so that an attacker elsewhere cannot lock a user out
 */
@ConfigurationProperties("sscard.login")
@Validated
record LoginProperties(@Min(1) @DefaultValue("10") int freeAttemptsPerUserAndAddress,
		@Min(1) @DefaultValue("100") int freeAttemptsPerAddress, @Min(1) @DefaultValue("50") int freeAttemptsPerUser,
		@Min(0) @DefaultValue("3") int ownFailuresBeforeUserLimit) {
}
