package org.sscard.staff;

import org.sscard.shared.BranchKind;

/** What an operator may do, and at which kind of branch they may work. */
public enum OperatorRole {

	/** Bank counter staff: both accounts, at a bank branch. */
	TELLER,
	/** Service-hall, hospital or pharmacy window staff: the social-security account. */
	SERVICE_WINDOW,
	/** Sets up branches, staff, channel clients and cards. */
	ADMIN;

	public boolean mayWorkAt(BranchKind kind) {
		return switch (this) {
			case TELLER -> kind == BranchKind.BANK_BRANCH;
			case SERVICE_WINDOW -> kind != BranchKind.BANK_BRANCH;
			case ADMIN -> true;
		};
	}

	public boolean needsBranch() {
		return this != ADMIN;
	}

}
