package org.sscard.security;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check at sign-in: a password no stored hash can match (BCrypt refuses more than 72
 * bytes, i.e. 30 Chinese characters, with an exception) is simply a wrong password, answered 401.
 */
final class SignInPasswords implements PasswordEncoder {

	private final PasswordEncoder delegate;

	SignInPasswords(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		try {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
