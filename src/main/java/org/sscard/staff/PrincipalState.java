package org.sscard.staff;

import java.time.Instant;

/** A principal's sign-in state: the row of {@code principal_names}. */
record PrincipalState(String name, String kind, boolean enabled, long tokenGeneration, Instant tokensValidFrom) {

	static final String OPERATOR = "OPERATOR";

	static final String CHANNEL_CLIENT = "CHANNEL_CLIENT";

}
