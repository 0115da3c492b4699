package org.sscard.security;

import org.sscard.branch.BranchRef;
import org.sscard.shared.Channel;
import org.sscard.staff.OperatorRole;

/**
 * Who is calling, taken from the access token only: an operator with a role and (except an
 * ADMIN) a branch, or a channel client with its channel and, for mobile banking, its bank.
 * Nothing in a request body can change any of it.
 */
public record Caller(String name, OperatorRole role, BranchRef branch, Channel clientChannel, String clientBankCode) {

	public static Caller operator(String name, OperatorRole role, BranchRef branch) {
		return new Caller(name, role, branch, null, null);
	}

	public static Caller channelClient(String name, Channel channel, String bankCode) {
		return new Caller(name, null, null, channel, bankCode);
	}

	public boolean isChannelClient() {
		return this.clientChannel != null;
	}

	public boolean isTeller() {
		return this.role == OperatorRole.TELLER;
	}

	public boolean isServiceWindow() {
		return this.role == OperatorRole.SERVICE_WINDOW;
	}

	public boolean isAdmin() {
		return this.role == OperatorRole.ADMIN;
	}

	/** The channel of this caller's calls: the client's own, or the one of the operator's branch. */
	public Channel channel() {
		if (isChannelClient()) {
			return this.clientChannel;
		}
		return (this.branch != null) ? this.branch.channel() : null;
	}

	/** The bank this caller acts for: a teller's branch's bank, or a mobile-banking client's bank. */
	public String bankCode() {
		if (isChannelClient()) {
			return this.clientBankCode;
		}
		return (this.branch != null) ? this.branch.bankCode() : null;
	}

	public String branchCode() {
		return (this.branch != null) ? this.branch.code() : null;
	}

}
