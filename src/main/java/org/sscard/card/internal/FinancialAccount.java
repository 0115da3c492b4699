package org.sscard.card.internal;

import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.sscard.card.CardIssuing.FinancialApplication;
import org.sscard.card.CardPart;
import org.sscard.card.CardView.FinancialAccountView;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.Masking;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/**
 * The bank application on the card: an RMB debit account at one bank. It has no PIN until it
 * is activated. Currency and type are constants here and in the database.
 */
@Entity
@DynamicUpdate
@Table(name = "financial_accounts")
class FinancialAccount extends Account {

	@MapsId
	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "card_id")
	private Card card;

	private String bankCode;

	private String accountNumber;

	private String currency;

	private String type;

	protected FinancialAccount() {
	}

	FinancialAccount(Card card, String bankCode, String accountNumber) {
		super(null);
		this.card = card;
		this.bankCode = bankCode;
		this.accountNumber = accountNumber;
		this.currency = FinancialApplication.CURRENCY;
		this.type = FinancialApplication.TYPE;
	}

	@Override
	CardPart part() {
		return CardPart.FINANCIAL;
	}

	@Override
	String label() {
		return "The financial";
	}

	/** Tellers and mobile-banking apps serve only their own bank's accounts; WeChat, Alipay and e-SSC any bank's. */
	Rejection bankRefusal(ServicePoint by) {
		if (by.isBoundToBank() && !this.bankCode.equals(by.bankCode())) {
			return new Rejection(ErrorCode.WRONG_BANK, "The card's financial account is held at " + this.bankCode
					+ ": only that bank's branches and app can serve it.", Map.of("bankCode", this.bankCode));
		}
		return null;
	}

	String bankCode() {
		return this.bankCode;
	}

	FinancialAccountView view() {
		return new FinancialAccountView(this.bankCode, Masking.accountNumber(this.accountNumber), this.currency,
				this.type, status(), activatedAt(), activatedAtBranch(), activationChannel());
	}

}
