package org.sscard.staff;

import java.util.List;

/**
 * An operator was changed by {@code by}: {@code changes} names the fields (never their values
 * for {@code password}); the rest is the operator's state afterwards.
 */
public record OperatorChanged(String username, List<String> changes, OperatorRole role, String branchCode,
		boolean enabled, String by) {
}
