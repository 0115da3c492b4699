package org.sscard.shared;

/**
 * What the service accepts as the name of a caller: a token's {@code sub}, a username or client
 * id given at sign-in. Identity providers issue long subjects, so up to {@link #MAX_LENGTH}
 * characters are accepted, and every column that stores a caller's name (idempotency keys, the
 * audit trail's actor) must hold that many. Control characters (NUL among them) and the
 * replacement character of undecodable bytes are never a name.
 */
public final class CallerNames {

	/** The longest caller name accepted, and the width of every column that stores one. */
	public static final int MAX_LENGTH = 255;

	private CallerNames() {
	}

	public static boolean acceptable(String name) {
		if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isISOControl(c) || c == '\uFFFD' || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
				return false;
			}
		}
		return true;
	}

}
