package org.sscard.shared;

/** Where an account was activated or a call came from. */
public enum Channel {

	SERVICE_HALL, HOSPITAL, PHARMACY, BANK_COUNTER, WECHAT, ALIPAY, E_SSC_MINI_PROGRAM, MOBILE_BANKING;

	/** The channels through which a channel client (a server-to-server caller) may call. */
	public boolean isOnline() {
		return this == WECHAT || this == ALIPAY || this == E_SSC_MINI_PROGRAM || this == MOBILE_BANKING;
	}

}
