package org.sscard.shared;

/**
 * Who acts on a card, as the domain sees it: a flat value built by the security layer from the
 * access token, so that no domain module needs to know about tokens. An operator has a role and
 * (except an ADMIN) the branch they work at; a channel client has its online channel and, for
 * mobile banking, its bank. Nothing in a request body can change any of it.
 *
 * @param name the operator's username or the client's id
 * @param role what the caller may do
 * @param channel the channel of the caller's calls: the client's own, or that of the operator's
 * branch ({@code null} for an ADMIN and the system)
 * @param branchCode the operator's branch, {@code null} online
 * @param branchKind the kind of that branch, {@code null} online
 * @param regionCode the branch's GB/T 2260 region code, {@code null} online
 * @param bankCode the bank a teller's branch or a mobile-banking client belongs to, else {@code null}
 */
public record ServicePoint(String name, Role role, Channel channel, String branchCode, BranchKind branchKind,
		String regionCode, String bankCode) {

	/** The actor of what the service does by itself, e.g. a lapsed temporary loss report. */
	public static final ServicePoint SYSTEM = new ServicePoint("system", Role.SYSTEM, null, null, null, null, null);

	public enum Role {

		ADMIN, TELLER, SERVICE_WINDOW, CHANNEL_CLIENT, SYSTEM

	}

	/** An operator; {@code branchKind}, {@code regionCode} and {@code bankCode} are those of the branch (null for an ADMIN). */
	public static ServicePoint operator(String name, Role role, String branchCode, BranchKind branchKind,
			String regionCode, String bankCode) {
		return new ServicePoint(name, role, (branchKind != null) ? branchKind.channel() : null, branchCode, branchKind,
				regionCode, bankCode);
	}

	public static ServicePoint admin(String name) {
		return new ServicePoint(name, Role.ADMIN, null, null, null, null, null);
	}

	public static ServicePoint channelClient(String name, Channel channel, String bankCode) {
		return new ServicePoint(name, Role.CHANNEL_CLIENT, channel, null, null, null, bankCode);
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public boolean isTeller() {
		return this.role == Role.TELLER;
	}

	public boolean isChannelClient() {
		return this.role == Role.CHANNEL_CLIENT;
	}

	/** Staff at a branch: a teller or a service window. */
	public boolean isBranchStaff() {
		return this.branchCode != null && (this.role == Role.TELLER || this.role == Role.SERVICE_WINDOW);
	}

	/** Whether this is staff at a branch in the same city as {@code regionCode}. */
	public boolean worksInCityOf(String regionCode) {
		return isBranchStaff() && RegionCode.sameCity(this.regionCode, regionCode);
	}

	/** Tellers and mobile-banking apps act for one bank only; WeChat, Alipay and e-SSC for any. */
	public boolean isBoundToBank() {
		return isTeller() || this.channel == Channel.MOBILE_BANKING;
	}

}
