package org.sscard.card.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.card.CardQueries;
import org.sscard.card.CardView;
import org.sscard.shared.IdNumber;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Cards")
class CardController {

	private final CardQueries cards;

	CardController(CardQueries cards) {
		this.cards = cards;
	}

	@GetMapping("/api/v1/cards")
	@Operation(summary = "The cards of a holder, newest first (ADMIN, TELLER, SERVICE_WINDOW)",
			description = "Only the cards the caller may read; 400 for a malformed idNumber; 403 for channel clients.")
	List<CardView> byHolder(@AuthenticationPrincipal ServicePoint caller,
			@RequestParam(name = "idNumber", required = false) @NotNull @ValidFormat(Format.ID_NUMBER) String idNumber) {
		return this.cards.byHolder(caller, IdNumber.parse(idNumber));
	}

	@GetMapping("/api/v1/cards/{cardNumber}")
	@Operation(summary = "Look up a card (ADMIN, TELLER, SERVICE_WINDOW)",
			description = "404 CARD_NOT_FOUND for an unknown card and for one outside the caller's read scope; 403 for channel clients.")
	CardView card(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber) {
		return this.cards.view(caller, cardNumber);
	}

}
