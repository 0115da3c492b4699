package org.sscard.card.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.card.CardActivation;
import org.sscard.card.CardActivation.CombinedActivation;
import org.sscard.card.CardActivation.FinancialActivation;
import org.sscard.card.CardActivation.PinReset;
import org.sscard.card.CardActivation.SocialSecurityActivation;
import org.sscard.card.CardView;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

/** Activation and PIN reset. The caller's branch, bank and channel come from the token, never from the body. */
@RestController
@RequestMapping("/api/v1/cards/{cardNumber}")
@Tag(name = "Activation")
class ActivationController {

	private final CardActivation activation;

	ActivationController(CardActivation activation) {
		this.activation = activation;
	}

	@PostMapping("/social-security-account/activation")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED, ALREADY_ACTIVE, ACCOUNT_LOCKED, PIN_MISMATCH, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN })
	@Operation(summary = "Activate the social-security account (SERVICE_WINDOW, TELLER in the insured city)",
			description = "422 OUTSIDE_INSURED_REGION, PIN_MISMATCH (with remainingAttempts), INITIAL_PIN_NOT_ALLOWED, "
					+ "WEAK_PIN; 409 ALREADY_ACTIVE; 423 ACCOUNT_LOCKED.")
	CardView activateSocialSecurity(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody SocialSecurityActivationRequest request) {
		return this.activation.activateSocialSecurity(caller, cardNumber,
				new SocialSecurityActivation(request.currentPin(), request.newPin(), Phone.parse(request.phone())));
	}

	@PostMapping("/financial-account/activation")
	@ProblemCodes({ WRONG_BANK, CARD_BLOCKED, ALREADY_ACTIVE, NO_FINANCIAL_ACCOUNT, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN })
	@Operation(summary = "Activate the financial account (TELLER of its bank, or a channel client)",
			description = "422 WRONG_BANK, IDENTITY_MISMATCH, NO_FINANCIAL_ACCOUNT, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN; "
					+ "409 ALREADY_ACTIVE.")
	CardView activateFinancial(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody FinancialActivationRequest request) {
		return this.activation.activateFinancial(caller, cardNumber, new FinancialActivation(IdNumber.parse(request.idNumber()),
				request.holderName().strip(), Phone.parse(request.phone()), request.newPin()));
	}

	@PostMapping("/activation")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, WRONG_BANK, CARD_BLOCKED, ALREADY_ACTIVE, ACCOUNT_LOCKED, NO_FINANCIAL_ACCOUNT, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED, PIN_MISMATCH, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN })
	@Operation(summary = "Activate both accounts at a bank counter (TELLER of the card's bank in the insured city)",
			description = "Both accounts become ACTIVE in one transaction, or neither changes. All codes of both activations.")
	CardView activateBoth(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody CombinedActivationRequest request) {
		return this.activation.activateBoth(caller, cardNumber,
				new CombinedActivation(IdNumber.parse(request.idNumber()), request.holderName().strip(),
						Phone.parse(request.phone()), request.currentPin(),
						request.socialSecurityPin(), request.financialPin()));
	}

	@PostMapping("/social-security-account/pin-reset")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED, NOT_ACTIVE, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN, PHONE_REQUIRED })
	@Operation(summary = "Reset (unlock) the social-security PIN (SERVICE_WINDOW at a SERVICE_HALL, or TELLER, in the insured city)",
			description = "409 NOT_ACTIVE for an account never activated; 422 IDENTITY_MISMATCH, OUTSIDE_INSURED_REGION, WEAK_PIN, "
					+ "PHONE_REQUIRED (an account that locked while sealed is activated by the reset); 429 IDENTITY_CHECKS_EXHAUSTED.")
	CardView resetSocialSecurityPin(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody PinResetRequest request) {
		return this.activation.resetSocialSecurityPin(caller, cardNumber, request.toCommand());
	}

	@PostMapping("/financial-account/pin-reset")
	@ProblemCodes({ WRONG_BANK, CARD_BLOCKED, NOT_ACTIVE, NO_FINANCIAL_ACCOUNT, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN })
	@Operation(summary = "Reset (unlock) the financial PIN (TELLER of the account's bank)",
			description = "409 NOT_ACTIVE; 422 WRONG_BANK, IDENTITY_MISMATCH, NO_FINANCIAL_ACCOUNT, WEAK_PIN.")
	CardView resetFinancialPin(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody PinResetRequest request) {
		return this.activation.resetFinancialPin(caller, cardNumber, request.toCommand());
	}

	record SocialSecurityActivationRequest(
			@NotNull @ValidFormat(Format.PIN) String currentPin,
			@NotNull @ValidFormat(Format.PIN) String newPin,
			@NotNull @ValidFormat(Format.PHONE) String phone) {

		@Override
		public String toString() {
			return "SocialSecurityActivationRequest[***]";
		}

	}

	record FinancialActivationRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName, @NotNull @ValidFormat(Format.PHONE) String phone,
			@NotNull @ValidFormat(Format.PIN) String newPin) {

		@Override
		public String toString() {
			return "FinancialActivationRequest[***]";
		}

	}

	record CombinedActivationRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName, @NotNull @ValidFormat(Format.PHONE) String phone,
			@NotNull @ValidFormat(Format.PIN) String currentPin,
			@NotNull @ValidFormat(Format.PIN) String socialSecurityPin,
			@NotNull @ValidFormat(Format.PIN) String financialPin) {

		@Override
		public String toString() {
			return "CombinedActivationRequest[***]";
		}

	}

	record PinResetRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName, @NotNull @ValidFormat(Format.PIN) String newPin,
			@ValidFormat(Format.PHONE) String phone) {

		PinReset toCommand() {
			return new PinReset(IdNumber.parse(this.idNumber), this.holderName.strip(), this.newPin,
					(this.phone != null) ? Phone.parse(this.phone) : null);
		}

		@Override
		public String toString() {
			return "PinResetRequest[***]";
		}

	}

}
