package org.sscard.card.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.sscard.card.CardIssuing;
import org.sscard.card.CardIssuing.FinancialApplication;
import org.sscard.card.CardIssuing.Issue;
import org.sscard.card.CardView;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

@RestController
@Tag(name = "Administration")
class CardAdminController {

	private final CardIssuing issuing;

	CardAdminController(CardIssuing issuing) {
		this.issuing = issuing;
	}

	@PostMapping("/api/v1/admin/cards")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes({ DUPLICATE, HOLDER_HAS_CARD, IDENTITY_MISMATCH, CURRENCY_NOT_SUPPORTED, CREDIT_NOT_SUPPORTED })
	@Operation(summary = "Issue a card (ADMIN)",
			description = "422 CURRENCY_NOT_SUPPORTED (not CNY), CREDIT_NOT_SUPPORTED, IDENTITY_MISMATCH (ID number on file "
					+ "under another name); 409 DUPLICATE (card or account number).")
	CardView issue(@AuthenticationPrincipal ServicePoint caller, @Valid @RequestBody IssueCardRequest request) {
		FinancialAccountRequest bank = request.financialAccount();
		return this.issuing.issue(caller,
				new Issue(request.cardNumber(), IdNumber.parse(request.holder().idNumber()), request.holder().name().strip(),
						request.insuredRegionCode(),
						(bank != null) ? new FinancialApplication(bank.bankCode(), bank.accountNumber(), bank.currency(),
								bank.type()) : null));
	}

	record IssueCardRequest(@NotNull @ValidFormat(Format.CARD_NUMBER) String cardNumber,
			@NotNull @Valid HolderRequest holder, @NotNull @ValidFormat(Format.REGION_CODE) String insuredRegionCode,
			@Valid FinancialAccountRequest financialAccount) {
	}

	record HolderRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber, @NotNull @ValidFormat(Format.NAME) String name) {

		@Override
		public String toString() {
			return "HolderRequest[***]";
		}

	}

	record FinancialAccountRequest(@NotNull @ValidFormat(Format.BANK_CODE) String bankCode,
			@NotNull @ValidFormat(Format.ACCOUNT_NUMBER) String accountNumber, @Size(max = 8) String currency,
			@Pattern(regexp = "DEBIT|CREDIT") String type) {

		@Override
		public String toString() {
			return "FinancialAccountRequest[bankCode=" + this.bankCode + "]";
		}

	}

}
