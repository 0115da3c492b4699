package org.sscard.audit;

import java.time.Instant;

import org.sscard.card.CardPart;
import org.sscard.shared.Channel;

/**
 * An audit event as callers see it. {@code id} pages through long histories ({@code before});
 * {@code phoneBefore}/{@code phoneAfter} (masked) show a contact-phone change made by an activation.
 */
public record EventView(Long id, Instant occurredAt, CardPart account, AuditAction action, Outcome outcome,
		String code, Channel channel, String branchCode, String actor, String phoneBefore, String phoneAfter) {
}
