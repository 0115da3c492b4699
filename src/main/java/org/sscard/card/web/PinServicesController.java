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
import org.sscard.card.CardView;
import org.sscard.card.PinServices;
import org.sscard.card.PinServices.PinChange;
import org.sscard.card.PinServices.Unlock;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

/** The social-security PIN after activation: verify, change, unlock. */
@RestController
@RequestMapping("/api/v1/cards/{cardNumber}/social-security-account")
@Tag(name = "PIN services")
class PinServicesController {

	private final PinServices pins;

	PinServicesController(PinServices pins) {
		this.pins = pins;
	}

	@PostMapping("/pin-verification")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED, NOT_ACTIVE, ACCOUNT_LOCKED, PIN_MISMATCH })
	@Operation(summary = "Verify the social-security PIN at a settlement (SERVICE_WINDOW, TELLER in the insured city)",
			description = "422 PIN_MISMATCH (with remainingAttempts), OUTSIDE_INSURED_REGION; 409 NOT_ACTIVE; 423 ACCOUNT_LOCKED.")
	Verified verify(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody VerificationRequest request) {
		return new Verified(this.pins.verify(caller, cardNumber, request.pin()));
	}

	@PostMapping("/pin-change")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED, NOT_ACTIVE, ACCOUNT_LOCKED, PIN_MISMATCH, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN, PIN_UNCHANGED })
	@Operation(summary = "Change a known social-security PIN (SERVICE_WINDOW, TELLER in the insured city; E_SSC_MINI_PROGRAM)",
			description = "422 PIN_MISMATCH, INITIAL_PIN_NOT_ALLOWED, WEAK_PIN, PIN_UNCHANGED; 409 NOT_ACTIVE; 423 ACCOUNT_LOCKED.")
	CardView change(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody PinChangeRequest request) {
		return this.pins.change(caller, cardNumber, new PinChange(request.currentPin(), request.newPin()));
	}

	@PostMapping("/unlock")
	@ProblemCodes({ OUTSIDE_INSURED_REGION, CARD_BLOCKED, NOT_LOCKED, IDENTITY_MISMATCH, IDENTITY_CHECKS_EXHAUSTED })
	@Operation(summary = "Unlock the social-security account, keeping its PIN (SERVICE_WINDOW at a SERVICE_HALL, or TELLER, in the insured city)",
			description = "409 NOT_LOCKED; 422 IDENTITY_MISMATCH, OUTSIDE_INSURED_REGION. The account returns to ACTIVE, "
					+ "or to PENDING_ACTIVATION if it locked while sealed.")
	CardView unlock(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@Valid @RequestBody UnlockRequest request) {
		return this.pins.unlock(caller, cardNumber,
				new Unlock(IdNumber.parse(request.idNumber()), request.holderName().strip()));
	}

	record VerificationRequest(@NotNull @ValidFormat(Format.PIN) String pin) {

		@Override
		public String toString() {
			return "VerificationRequest[***]";
		}

	}

	record Verified(boolean verified) {
	}

	record PinChangeRequest(@NotNull @ValidFormat(Format.PIN) String currentPin,
			@NotNull @ValidFormat(Format.PIN) String newPin) {

		@Override
		public String toString() {
			return "PinChangeRequest[***]";
		}

	}

	record UnlockRequest(@NotNull @ValidFormat(Format.ID_NUMBER) String idNumber,
			@NotNull @ValidFormat(Format.NAME) String holderName) {

		@Override
		public String toString() {
			return "UnlockRequest[***]";
		}

	}

}
