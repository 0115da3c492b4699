package org.sscard.card.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.card.CardQueries;
import org.sscard.card.CardView;
import org.sscard.shared.ServicePoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Cards")
class CardController {

	private final CardQueries cards;

	CardController(CardQueries cards) {
		this.cards = cards;
	}

	@GetMapping("/api/v1/cards/{cardNumber}")
	@Operation(summary = "Look up a card (ADMIN, TELLER, SERVICE_WINDOW)",
			description = "404 CARD_NOT_FOUND for an unknown card and for one outside the caller's read scope; 403 for channel clients.")
	CardView card(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber) {
		return this.cards.view(caller, cardNumber);
	}

}
