package org.sscard.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.sscard.branch.BranchDirectory;
import org.sscard.branch.BranchRef;
import org.sscard.shared.CallerNames;
import org.sscard.shared.Channel;
import org.sscard.shared.ServicePoint;
import org.sscard.staff.OperatorRole;
import org.sscard.staff.TokenRevocations;

/** An authenticated call: the {@link ServicePoint} read from a verified access token. */
final class CallerAuthentication extends AbstractAuthenticationToken {

	static final String CHANNEL_CLIENT = "CHANNEL_CLIENT";

	private final ServicePoint caller;

	private final Jwt token;

	private CallerAuthentication(ServicePoint caller, Jwt token, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public ServicePoint getPrincipal() {
		return this.caller;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.caller.name();
	}

	/**
	 * Reads the caller from the token's claims ({@code sub}, {@code role}, {@code branchCode},
	 * {@code channel}, {@code bankCode}) and grants {@code ROLE_<role>} plus {@code BRANCH_<kind>} for
	 * an operator or {@code CHANNEL_<channel>} for a channel client.
	 * A token whose claims do not name a valid caller is refused as invalid.
	 */
	static final class FromJwt implements Converter<Jwt, AbstractAuthenticationToken> {

		private final BranchDirectory branches;

		private final TokenRevocations revocations;

		FromJwt(BranchDirectory branches, TokenRevocations revocations) {
			this.branches = branches;
			this.revocations = revocations;
		}

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			String name = jwt.getSubject();
			String role = jwt.getClaimAsString("role");
			if (name == null || role == null) {
				throw new InvalidBearerTokenException("token names no caller");
			}
			if (!CallerNames.acceptable(name)) {
				throw new InvalidBearerTokenException("token's subject is too long or has control characters");
			}
			// Here rather than in a token validator: the decoder caches verified tokens and skips
			// its validators for them, and a token must stop working as soon as its principal changes.
			if (this.revocations.refuses(name, jwt.getClaim(TokenIssuer.GENERATION), jwt.getIssuedAt())) {
				throw new InvalidBearerTokenException("token revoked");
			}
			List<GrantedAuthority> authorities = new ArrayList<>();
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
			ServicePoint caller;
			if (CHANNEL_CLIENT.equals(role)) {
				Channel channel = parse(Channel.class, jwt.getClaimAsString("channel"));
				if (!channel.isOnline()) {
					throw new InvalidBearerTokenException("token names no online channel");
				}
				String bankCode = jwt.getClaimAsString("bankCode");
				if (channel == Channel.MOBILE_BANKING && bankCode == null) {
					throw new InvalidBearerTokenException("mobile-banking token names no bank");
				}
				authorities.add(new SimpleGrantedAuthority("CHANNEL_" + channel));
				caller = ServicePoint.channelClient(name, channel, bankCode);
			}
			else {
				OperatorRole operatorRole = parse(OperatorRole.class, role);
				BranchRef branch = this.branches.find(jwt.getClaimAsString("branchCode")).orElse(null);
				if (operatorRole.needsBranch() && (branch == null || !operatorRole.mayWorkAt(branch.kind()))) {
					throw new InvalidBearerTokenException("token names no valid branch");
				}
				if (branch != null) {
					authorities.add(new SimpleGrantedAuthority("BRANCH_" + branch.kind()));
				}
				ServicePoint.Role servicePointRole = ServicePoint.Role.valueOf(operatorRole.name());
				caller = (branch != null) ? branch.staff(name, servicePointRole) : ServicePoint.admin(name);
			}
			return new CallerAuthentication(caller, jwt, authorities);
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value) {
			try {
				return Enum.valueOf(type, String.valueOf(value));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidBearerTokenException("token has an unknown " + type.getSimpleName());
			}
		}

	}

}
