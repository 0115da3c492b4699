package org.sscard.branch;

import org.sscard.shared.BranchKind;
import org.sscard.shared.Channel;
import org.sscard.shared.ServicePoint;

/** An immutable snapshot of a branch, safe to cache and to pass between modules. */
public record BranchRef(Long id, String code, String name, BranchKind kind, String regionCode, String bankCode) {

	public Channel channel() {
		return this.kind.channel();
	}

	/** A member of staff working here, as the domain sees them. */
	public ServicePoint staff(String name, ServicePoint.Role role) {
		return ServicePoint.operator(name, role, this.code, this.kind, this.regionCode, this.bankCode);
	}

}
