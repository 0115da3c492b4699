package org.sscard.feed;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.feed.FeedReader.FeedPage;
import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.FieldValidationException;
import org.sscard.shared.ServicePoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Event feed")
class FeedController {

	static final int MAX_LIMIT = 500;

	private final FeedReader reader;

	FeedController(FeedReader reader) {
		this.reader = reader;
	}

	@GetMapping("/api/v1/events")
	@Operation(summary = "Changes to cards, oldest first, after a position (ADMIN: all; MOBILE_BANKING: its bank's cards)",
			description = "Store `next` and pass it as `after` in the next call: no event is missed or repeated. "
					+ "Entries published longer ago than the retention (30 days by default) are purged: the feed then "
					+ "starts after them.")
	FeedPage events(@AuthenticationPrincipal ServicePoint caller,
			@Parameter(description = "The `next` of the previous page; 0 (the default) starts at the beginning",
					schema = @Schema(type = "integer", format = "int64", minimum = "0", maximum = "9223372036854775807"))
			@RequestParam(required = false) String after,
			@Parameter(description = "How many events at most (default 100)",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_LIMIT))
			@RequestParam(required = false) String limit) {
		long from = (after == null) ? 0 : parse("after", after, 0, Long.MAX_VALUE, "must be a whole number, 0 or more");
		int size = (limit == null) ? 100
				: (int) parse("limit", limit, 1, MAX_LIMIT, "must be a whole number from 1 to " + MAX_LIMIT);
		return this.reader.read(from, size, bankOf(caller));
	}

	/** The bank whose cards the caller may follow, or null for all of them. */
	private static String bankOf(ServicePoint caller) {
		if (caller.isAdmin()) {
			return null;
		}
		if (caller.channel() == Channel.MOBILE_BANKING && caller.bankCode() != null) {
			return caller.bankCode();
		}
		throw new DomainException(ErrorCode.FORBIDDEN, "Only administrators and mobile-banking clients read the event feed.");
	}

	private static long parse(String name, String value, long min, long max, String message) {
		if (!value.matches("[0-9]{1,19}")) {
			throw new FieldValidationException(name, message);
		}
		try {
			long parsed = Long.parseLong(value);
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// beyond a long: falls through to the same answer as any other out-of-range value
		}
		throw new FieldValidationException(name, message);
	}

}
