package org.sscard.card;

import java.time.Instant;
import java.util.List;

import org.sscard.shared.Channel;
import org.sscard.shared.Masking;

/** A card as every caller sees it: names, ID, phone and account numbers masked; no PIN in any form. */
public record CardView(String cardNumber, CardStatus status, HolderView holder, String insuredRegionCode,
		List<String> applications, AccountView socialSecurityAccount, FinancialAccountView financialAccount) {

	public static CardView of(Card card) {
		Cardholder holder = card.holder();
		SocialSecurityAccount ss = card.socialSecurityAccount();
		return new CardView(card.cardNumber(), card.status(),
				new HolderView(Masking.name(holder.name()), Masking.idNumber(holder.idNumber().value()),
						Masking.phone(holder.phone())),
				card.insuredRegionCode(), card.applications(),
				new AccountView(ss.status(), ss.activatedAt(), ss.activatedAtBranch(), ss.activationChannel()),
				card.financialAccount().map(FinancialAccountView::of).orElse(null));
	}

	public record HolderView(String name, String idNumber, String phone) {
	}

	public record AccountView(AccountStatus status, Instant activatedAt, String activatedAtBranch,
			Channel activationChannel) {
	}

	public record FinancialAccountView(String bankCode, String accountNumber, String currency, String type,
			AccountStatus status, Instant activatedAt, String activatedAtBranch, Channel activationChannel) {

		static FinancialAccountView of(FinancialAccount account) {
			return new FinancialAccountView(account.bankCode(), Masking.accountNumber(account.accountNumber()),
					account.currency(), account.type(), account.status(), account.activatedAt(),
					account.activatedAtBranch(), account.activationChannel());
		}

	}

}
