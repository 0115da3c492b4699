package org.sscard.card;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.audit.Actor;
import org.sscard.audit.AuditAction;
import org.sscard.audit.AuditTrail;
import org.sscard.audit.AuditedAccount;
import org.sscard.security.Caller;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.NewPin;

/** Issuing cards: the social-security account sealed under the initial PIN, an optional RMB debit account. */
@Service
public class CardIssuing {

	private final Cards cards;

	private final Cardholders holders;

	private final FinancialAccounts financialAccounts;

	private final PinHasher pins;

	private final AuditTrail audit;

	CardIssuing(Cards cards, Cardholders holders, FinancialAccounts financialAccounts, PinHasher pins,
			AuditTrail audit) {
		this.cards = cards;
		this.holders = holders;
		this.financialAccounts = financialAccounts;
		this.pins = pins;
		this.audit = audit;
	}

	public record Issue(String cardNumber, IdNumber idNumber, String holderName, String insuredRegionCode,
			FinancialApplication financialAccount) {
	}

	/** The bank application requested; currency and type default to CNY and DEBIT. */
	public record FinancialApplication(String bankCode, String accountNumber, String currency, String type) {

		void ensureRmbDebit() {
			if (this.currency != null && !FinancialAccount.CURRENCY.equals(this.currency)) {
				throw new DomainException(ErrorCode.CURRENCY_NOT_SUPPORTED,
						"The financial application on a social security card is in RMB (CNY) only.");
			}
			if ("CREDIT".equals(this.type)) {
				throw new DomainException(ErrorCode.CREDIT_NOT_SUPPORTED,
						"The financial application on a social security card is a debit application; credit is not supported.");
			}
		}

	}

	@Transactional
	public CardView issue(Caller admin, Issue request) {
		FinancialApplication bank = request.financialAccount();
		if (bank != null) {
			bank.ensureRmbDebit();
		}
		if (this.cards.existsByCardNumber(request.cardNumber())) {
			throw new DomainException(ErrorCode.DUPLICATE, "Card " + request.cardNumber() + " already exists.");
		}
		if (bank != null && this.financialAccounts.existsByAccountNumber(bank.accountNumber())) {
			throw new DomainException(ErrorCode.DUPLICATE, "That bank account number is already on another card.");
		}
		this.holders.addIfAbsent(request.idNumber().value(), request.holderName());
		Cardholder holder = this.holders.findByIdNumber(request.idNumber().value()).orElseThrow();
		if (!holder.isIdentifiedBy(request.idNumber(), request.holderName())) {
			throw new DomainException(ErrorCode.IDENTITY_MISMATCH,
					"ID number " + request.idNumber().masked() + " is on file under another name.");
		}
		Card card = Card.issue(request.cardNumber(), holder, request.insuredRegionCode(), this.pins.hash(NewPin.INITIAL),
				(bank != null) ? bank.bankCode() : null, (bank != null) ? bank.accountNumber() : null);
		this.cards.saveAndFlush(card);
		this.audit.succeeded(card.id(), AuditedAccount.CARD, AuditAction.CARD_ISSUED,
				new Actor(admin.name(), null, admin.branchCode()));
		return CardView.of(card);
	}

}
