package org.sscard.card;

import java.time.Instant;
import java.util.List;

import org.sscard.shared.Channel;

/**
 * A card as every caller sees it: names, ID, phone and account numbers masked; no PIN in any form.
 * The lifecycle fields: {@code lossReportedAt} (null unless lost), {@code temporaryLossExpiresAt}
 * (null unless TEMPORARILY_LOST), {@code replacementFor} and {@code replacedBy} (card numbers,
 * null when none).
 */
public record CardView(String cardNumber, CardStatus status, HolderView holder, String insuredRegionCode,
		List<String> applications, AccountView socialSecurityAccount, FinancialAccountView financialAccount,
		Instant lossReportedAt, Instant temporaryLossExpiresAt, String replacementFor, String replacedBy) {

	public record HolderView(String name, String idNumber, String phone) {
	}

	public record AccountView(AccountStatus status, Instant activatedAt, String activatedAtBranch,
			Channel activationChannel) {
	}

	public record FinancialAccountView(String bankCode, String accountNumber, String currency, String type,
			AccountStatus status, Instant activatedAt, String activatedAtBranch, Channel activationChannel) {
	}

}
