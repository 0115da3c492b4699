package org.sscard.staff;

import java.util.List;

/** A channel client was changed by {@code by}: {@code changes} names the fields, never the secret. */
public record ChannelClientChanged(String clientId, List<String> changes, boolean enabled, String by) {
}
