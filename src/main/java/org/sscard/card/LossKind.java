package org.sscard.card;

/** The two kinds of loss report. */
public enum LossKind {

	/** 临时挂失: online or at any window that may read the card; lapses after a period, or is released. */
	TEMPORARY,
	/** 正式挂失: in person with the ID card at a service hall or bank counter; cannot be released. */
	FORMAL

}
