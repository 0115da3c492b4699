package org.sscard.card.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.card.CancellationReason;
import org.sscard.card.CardIssuing.FinancialApplication;
import org.sscard.card.CardLifecycle;
import org.sscard.card.CardLifecycle.Cancellation;
import org.sscard.card.CardLifecycle.Identification;
import org.sscard.card.CardLifecycle.LossReport;
import org.sscard.card.CardLifecycle.Replacement;
import org.sscard.card.CardView;
import org.sscard.card.LossKind;
import org.sscard.card.ReplacementReason;
import org.sscard.card.web.CardAdminController.FinancialAccountRequest;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

/** Loss reports, replacement, cancellation and the online status enquiry. */
@RestController
@Tag(name = "Card lifecycle")
class LifecycleController {

	private final CardLifecycle lifecycle;

	LifecycleController(CardLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@PostMapping("/api/v1/cards/{cardNumber}/loss-report")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, WRONG_BANK, CARD_BLOCKED, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED })
	@Operation(summary = "Report the card lost (TEMPORARY: staff who may read it and the online channels; "
			+ "FORMAL: a service hall window or a teller)",
			description = "409 CARD_BLOCKED (with cardStatus) when the card is not in a state that allows it; "
					+ "422 WRONG_BANK (another bank's app), IDENTITY_MISMATCH; 403 FORBIDDEN for a FORMAL report "
					+ "elsewhere than a service hall or bank counter.")
	CardView reportLoss(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody LossReportRequest request) {
		return this.lifecycle.reportLoss(caller, cardNumber,
				new LossReport(request.kind(), IdNumber.parse(request.idNumber()), request.holderName().strip()));
	}

	@PostMapping("/api/v1/cards/{cardNumber}/loss-report/release")
	@ProblemCodes({ CARD_BLOCKED, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED })
	@Operation(summary = "Release a temporary loss report (staff who may read the card)",
			description = "409 CARD_BLOCKED unless the card is TEMPORARILY_LOST; 422 IDENTITY_MISMATCH.")
	CardView releaseLoss(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody IdentificationRequest request) {
		return this.lifecycle.releaseLoss(caller, cardNumber, request.toCommand());
	}

	@PostMapping("/api/v1/admin/cards/{cardNumber}/replacement")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes({ CARD_NOT_FOUND, CARD_BLOCKED, DUPLICATE, HOLDER_HAS_CARD, CURRENCY_NOT_SUPPORTED, CREDIT_NOT_SUPPORTED })
	@Operation(summary = "Replace a card (ADMIN): the old one REPLACED, its accounts CLOSED; answers the new card",
			description = "409 CARD_BLOCKED (replaced or cancelled, or reason LOST for a card not LOST), DUPLICATE, "
					+ "HOLDER_HAS_CARD; 422 CURRENCY_NOT_SUPPORTED, CREDIT_NOT_SUPPORTED.")
	CardView replace(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody ReplacementRequest request) {
		FinancialAccountRequest bank = request.financialAccount();
		return this.lifecycle.replace(caller, cardNumber, new Replacement(request.newCardNumber(), request.reason(),
				(bank != null) ? new FinancialApplication(bank.bankCode(), bank.accountNumber(), bank.currency(),
						bank.type()) : null));
	}

	@PostMapping("/api/v1/cards/{cardNumber}/cancellation")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED })
	@Operation(summary = "Cancel a card for good (ADMIN, or a service hall window in the insured city)",
			description = "409 CARD_BLOCKED for a card already replaced or cancelled; 422 OUTSIDE_INSURED_REGION.")
	CardView cancel(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody CancellationRequest request) {
		return this.lifecycle.cancel(caller, cardNumber, new Cancellation(request.reason(),
				(request.note() != null && !request.note().isBlank()) ? request.note().strip() : null));
	}

	@PostMapping("/api/v1/cards/{cardNumber}/status-query")
	@ProblemCodes({ WRONG_BANK, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED })
	@Operation(summary = "How the card stands, for the holder online (channel clients; identity required)",
			description = "422 IDENTITY_MISMATCH, WRONG_BANK (another bank's app).")
	CardView statusQuery(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody IdentificationRequest request) {
		return this.lifecycle.statusEnquiry(caller, cardNumber, request.toCommand());
	}

	record LossReportRequest(@NotNull LossKind kind, @NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName) {

		@Override
		public String toString() {
			return "LossReportRequest[" + this.kind + "]";
		}

	}

	record IdentificationRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName) {

		Identification toCommand() {
			return new Identification(IdNumber.parse(this.idNumber), this.holderName.strip());
		}

		@Override
		public String toString() {
			return "IdentificationRequest[***]";
		}

	}

	record ReplacementRequest(@NotNull @ValidFormat(Format.CARD_NUMBER) String newCardNumber,
			@NotNull ReplacementReason reason, @Valid FinancialAccountRequest financialAccount) {
	}

	record CancellationRequest(@NotNull CancellationReason reason, @Size(max = 200) String note) {
	}

}
