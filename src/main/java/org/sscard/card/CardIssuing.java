package org.sscard.card;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.card.internal.Card;
import org.sscard.card.internal.CardStore;
import org.sscard.card.internal.Pins;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.NewPin;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/** Issuing cards: the social-security account sealed under the initial PIN, an optional RMB debit account. */
@Service
public class CardIssuing {

	private final CardStore cards;

	private final Pins pins;

	CardIssuing(CardStore cards, Pins pins) {
		this.cards = cards;
		this.pins = pins;
	}

	public record Issue(String cardNumber, IdNumber idNumber, String holderName, String insuredRegionCode,
			FinancialApplication financialAccount) {
	}

	/** The bank application requested; currency and type default to CNY and DEBIT. */
	public record FinancialApplication(String bankCode, String accountNumber, String currency, String type) {

		/** The only currency of the financial application: RMB. */
		public static final String CURRENCY = "CNY";

		/** The only type of the financial application: debit, never credit. */
		public static final String TYPE = "DEBIT";

		void ensureRmbDebit() {
			Rejection refused = rmbDebitRefusal();
			if (refused != null) {
				throw refused.toException();
			}
		}

		/** Why this application cannot be on a card, or {@code null}: RMB debit only. */
		Rejection rmbDebitRefusal() {
			if (this.currency != null && !CURRENCY.equals(this.currency)) {
				return Rejection.of(ErrorCode.CURRENCY_NOT_SUPPORTED,
						"The financial application on a social security card is in RMB (CNY) only.");
			}
			if ("CREDIT".equals(this.type)) {
				return Rejection.of(ErrorCode.CREDIT_NOT_SUPPORTED,
						"The financial application on a social security card is a debit application; credit is not supported.");
			}
			return null;
		}

	}

	@Transactional
	public CardView issue(ServicePoint by, Issue request) {
		FinancialApplication bank = request.financialAccount();
		if (bank != null) {
			bank.ensureRmbDebit();
		}
		if (this.cards.exists(request.cardNumber())) {
			throw new DomainException(ErrorCode.DUPLICATE, "Card " + request.cardNumber() + " already exists.");
		}
		if (bank != null && this.cards.accountNumberInUse(bank.accountNumber())) {
			throw new DomainException(ErrorCode.DUPLICATE, "That bank account number is already on another card.");
		}
		Card card = this.cards
			.issue(request.cardNumber(), request.idNumber(), request.holderName(), request.insuredRegionCode(),
					(bank != null) ? bank.bankCode() : null, (bank != null) ? bank.accountNumber() : null,
					this.pins.hash(NewPin.INITIAL), by, Instant.now())
			.orElseThrow(() -> new DomainException(ErrorCode.IDENTITY_MISMATCH,
					"ID number " + request.idNumber().masked() + " is on file under another name."));
		this.cards.publishEvents(card);
		return card.view();
	}

}
