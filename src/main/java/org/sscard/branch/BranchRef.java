package org.sscard.branch;

import org.sscard.shared.Channel;
import org.sscard.shared.RegionCode;

/** An immutable snapshot of a branch, safe to cache and to pass between modules. */
public record BranchRef(Long id, String code, String name, BranchKind kind, String regionCode, String bankCode) {

	public Channel channel() {
		return this.kind.channel();
	}

	public boolean inCityOf(String otherRegionCode) {
		return RegionCode.sameCity(this.regionCode, otherRegionCode);
	}

}
