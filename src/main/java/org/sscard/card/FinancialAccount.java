package org.sscard.card;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * The bank application on the card: an RMB debit account at one bank. It has no PIN until it
 * is activated. Currency and type are constants here and in the database.
 */
@Entity
@DynamicUpdate
@Table(name = "financial_accounts")
public class FinancialAccount extends Account {

	public static final String CURRENCY = "CNY";

	public static final String TYPE = "DEBIT";

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
		this.currency = CURRENCY;
		this.type = TYPE;
	}

	@Override
	protected String label() {
		return "The financial";
	}

	public String bankCode() {
		return this.bankCode;
	}

	public String accountNumber() {
		return this.accountNumber;
	}

	public String currency() {
		return this.currency;
	}

	public String type() {
		return this.type;
	}

}
