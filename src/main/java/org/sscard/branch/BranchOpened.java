package org.sscard.branch;

import org.sscard.shared.BranchKind;

/** A branch was opened by {@code by} (an administrator's name, or {@code system}). */
public record BranchOpened(String code, String name, BranchKind kind, String regionCode, String bankCode, String by) {
}
