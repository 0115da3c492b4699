package org.sscard.staff;

import org.sscard.shared.Channel;

/**
 * Who signed in, as the token endpoint needs it: an operator (role and branch) or a channel
 * client (channel and, for mobile banking, its bank). Carries the stored credential hash for the
 * password check only; it is never serialised. {@code tokenGeneration} goes into every token
 * issued to it: a change of the principal increments it, and older tokens stop working.
 */
public record Principal(String name, String credentialHash, OperatorRole role, String branchCode, Channel channel,
		String bankCode, boolean enabled, long tokenGeneration) {

	public boolean isChannelClient() {
		return this.channel != null;
	}

	@Override
	public String toString() {
		return "Principal[" + this.name + "]";
	}

}
