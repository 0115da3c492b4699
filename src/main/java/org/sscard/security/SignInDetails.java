package org.sscard.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.sscard.shared.CallerNames;
import org.sscard.staff.Principal;
import org.sscard.staff.StaffDirectory;

/** The HTTP Basic side of sign-in: operators and channel clients as Spring Security users. */
final class SignInDetails extends User {

	private final transient Principal principal;

	private SignInDetails(Principal principal) {
		// A disabled principal is refused as "credentials expired", which Spring checks after the
		// password: the answer (401) and its timing are those of a wrong password.
		super(principal.name(), principal.credentialHash(), true, true, principal.enabled(), true,
				List.of(new SimpleGrantedAuthority("SIGN_IN")));
		this.principal = principal;
	}

	Principal principal() {
		return this.principal;
	}

	static UserDetailsService service(StaffDirectory staff) {
		// A name no one can have (NUL, undecodable bytes, too long) is not looked up at all.
		return (name) -> (CallerNames.acceptable(name) ? staff.findForSignIn(name) : Optional.<Principal>empty())
			.map(SignInDetails::new)
			.orElseThrow(() -> new UsernameNotFoundException("unknown name"));
	}

}
