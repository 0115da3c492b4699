package org.sscard.card;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.audit.EventView;
import org.sscard.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/cards/{cardNumber}")
@Tag(name = "Cards")
class CardController {

	private final CardAccess access;

	CardController(CardAccess access) {
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Look up a card (ADMIN, TELLER, SERVICE_WINDOW)",
			description = "404 CARD_NOT_FOUND for an unknown card and for one outside the caller's read scope; 403 for channel clients.")
	CardView card(@AuthenticationPrincipal Caller caller, @PathVariable String cardNumber) {
		return this.access.view(caller, cardNumber);
	}

	@GetMapping("/events")
	@Operation(summary = "The card's audit trail, newest first (same read rules as the card)")
	List<EventView> events(@AuthenticationPrincipal Caller caller, @PathVariable String cardNumber) {
		return this.access.events(caller, cardNumber);
	}

}
