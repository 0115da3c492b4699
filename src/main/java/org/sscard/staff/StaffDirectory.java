package org.sscard.staff;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.branch.BranchDirectory;
import org.sscard.branch.BranchRef;
import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.FieldValidationException;

/**
 * Operators and channel clients: who may sign in. Usernames and client ids share one name space,
 * so a token's subject always names exactly one principal.
 */
@Service
public class StaffDirectory {

	private final Operators operators;

	private final ChannelClients clients;

	private final BranchDirectory branches;

	private final PasswordEncoder passwordEncoder;

	StaffDirectory(Operators operators, ChannelClients clients, BranchDirectory branches,
			PasswordEncoder passwordEncoder) {
		this.operators = operators;
		this.clients = clients;
		this.branches = branches;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	public Principal addOperator(String username, String password, OperatorRole role, String branchCode) {
		BranchRef branch = null;
		if (branchCode != null) {
			branch = this.branches.find(branchCode)
				.orElseThrow(() -> new FieldValidationException("branchCode", "no branch with this code"));
		}
		if (role.needsBranch() && branch == null) {
			throw new FieldValidationException("branchCode", "is required for role " + role);
		}
		if (branch != null && !role.mayWorkAt(branch.kind())) {
			throw new FieldValidationException("branchCode",
					"a " + role + " cannot work at a " + branch.kind() + " branch");
		}
		ensureNameFree(username);
		this.operators.saveAndFlush(new Operator(username, this.passwordEncoder.encode(password), role,
				(branch != null) ? branch.id() : null));
		return new Principal(username, null, role, (branch != null) ? branch.code() : null, null, null);
	}

	@Transactional
	public Principal addChannelClient(String clientId, String secret, Channel channel, String bankCode) {
		if (!channel.isOnline()) {
			throw new FieldValidationException("channel", "must be one of WECHAT, ALIPAY, E_SSC_MINI_PROGRAM, MOBILE_BANKING");
		}
		if (channel == Channel.MOBILE_BANKING && bankCode == null) {
			throw new FieldValidationException("bankCode", "is required for a MOBILE_BANKING client");
		}
		ensureNameFree(clientId);
		this.clients.saveAndFlush(new ChannelClient(clientId, this.passwordEncoder.encode(secret), channel, bankCode));
		return new Principal(clientId, null, null, null, channel, bankCode);
	}

	@Transactional(readOnly = true)
	public boolean operatorExists(String username) {
		return this.operators.existsByUsername(username);
	}

	/** The principal with this username or client id, with its credential hash, for sign-in. */
	@Transactional(readOnly = true)
	public Optional<Principal> findForSignIn(String name) {
		Optional<Principal> operator = this.operators.findByUsername(name).map(this::principalOf);
		if (operator.isPresent()) {
			return operator;
		}
		return this.clients.findByClientId(name)
			.map((c) -> new Principal(c.clientId(), c.secretHash(), null, null, c.channel(), c.bankCode()));
	}

	private Principal principalOf(Operator operator) {
		String branchCode = (operator.branchId() != null) ? this.branches.codeOf(operator.branchId()) : null;
		return new Principal(operator.username(), operator.passwordHash(), operator.role(), branchCode, null, null);
	}

	private void ensureNameFree(String name) {
		if (this.operators.existsByUsername(name) || this.clients.existsByClientId(name)) {
			throw new DomainException(ErrorCode.DUPLICATE, "The name " + name + " is already taken.");
		}
	}

}
