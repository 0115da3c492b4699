package org.sscard.audit;

import java.time.Instant;

import org.sscard.shared.Channel;

/**
 * An audit event as callers see it. {@code phoneBefore}/{@code phoneAfter} (masked) show a
 * contact-phone change made by an activation.
 */
public record EventView(Instant occurredAt, AuditedAccount account, AuditAction action, Outcome outcome, String code,
		Channel channel, String branchCode, String actor, String phoneBefore, String phoneAfter) {
}
