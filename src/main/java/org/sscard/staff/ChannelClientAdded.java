package org.sscard.staff;

import org.sscard.shared.Channel;

/** A channel client was added by {@code by} (an administrator's name, or {@code system}). */
public record ChannelClientAdded(String clientId, Channel channel, String bankCode, String by) {
}
