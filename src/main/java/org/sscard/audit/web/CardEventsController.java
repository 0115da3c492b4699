package org.sscard.audit.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.audit.CardHistory;
import org.sscard.audit.EventView;
import org.sscard.shared.ServicePoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Cards")
class CardEventsController {

	private final CardHistory history;

	CardEventsController(CardHistory history) {
		this.history = history;
	}

	@GetMapping("/api/v1/cards/{cardNumber}/events")
	@Operation(summary = "The card's audit trail, newest first (same read rules as the card)",
			description = "limit 1..200 (default 50); before: an event's id, to page back through a long history.")
	List<EventView> events(@AuthenticationPrincipal ServicePoint caller, @PathVariable String cardNumber,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Positive Long before) {
		return this.history.of(caller, cardNumber, limit, before);
	}

}
