package org.sscard.shared;

/** What kind of place a branch is, and so through which channel its staff activate accounts. */
public enum BranchKind {

	SERVICE_HALL(Channel.SERVICE_HALL), BANK_BRANCH(Channel.BANK_COUNTER), HOSPITAL(Channel.HOSPITAL),
	PHARMACY(Channel.PHARMACY);

	private final Channel channel;

	BranchKind(Channel channel) {
		this.channel = channel;
	}

	public Channel channel() {
		return this.channel;
	}

}
