package org.sscard.staff;

/** An operator was added by {@code by} (an administrator's name, or {@code system}). */
public record OperatorAdded(String username, OperatorRole role, String branchCode, String by) {
}
