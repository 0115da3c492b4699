package org.sscard.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sscard.branch.BranchDirectory;
import org.sscard.branch.BranchRef;
import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.FieldValidationException;

/**
 * Operators and channel clients: who may sign in. Usernames and client ids share one
 * case-insensitive name space, kept by the database ({@code principal_names}), so a name always
 * denotes exactly one principal, whichever way it is capitalised. Every change of a principal
 * revokes its existing tokens on every instance ({@link TokenRevocations}).
 */
@Service
public class StaffDirectory {

	/** The actor of changes nobody made through the API: the bootstrap administrator, demo data. */
	public static final String SYSTEM = "system";

	private final Operators operators;

	private final ChannelClients clients;

	private final PrincipalNames names;

	private final BranchDirectory branches;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TokenRevocations revocations;

	StaffDirectory(Operators operators, ChannelClients clients, PrincipalNames names, BranchDirectory branches,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, TokenRevocations revocations) {
		this.operators = operators;
		this.clients = clients;
		this.names = names;
		this.branches = branches;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.revocations = revocations;
	}

	@Transactional
	public Principal addOperator(String username, String password, OperatorRole role, String branchCode) {
		return addOperator(username, password, role, branchCode, SYSTEM);
	}

	@Transactional
	public Principal addOperator(String username, String password, OperatorRole role, String branchCode, String by) {
		BranchRef branch = branchFor(role, branchCode);
		ensureNameFree(username);
		this.operators.saveAndFlush(new Operator(username, this.passwordEncoder.encode(password), role,
				(branch != null) ? branch.id() : null));
		String code = (branch != null) ? branch.code() : null;
		this.events.publishEvent(new OperatorAdded(username, role, code, by));
		return new Principal(username, null, role, code, null, null, true, 0);
	}

	@Transactional
	public Principal addChannelClient(String clientId, String secret, Channel channel, String bankCode) {
		return addChannelClient(clientId, secret, channel, bankCode, SYSTEM);
	}

	@Transactional
	public Principal addChannelClient(String clientId, String secret, Channel channel, String bankCode, String by) {
		if (!channel.isOnline()) {
			throw new FieldValidationException("channel", "must be one of WECHAT, ALIPAY, E_SSC_MINI_PROGRAM, MOBILE_BANKING");
		}
		if (channel == Channel.MOBILE_BANKING && bankCode == null) {
			throw new FieldValidationException("bankCode", "is required for a MOBILE_BANKING client");
		}
		ensureNameFree(clientId);
		this.clients.saveAndFlush(new ChannelClient(clientId, this.passwordEncoder.encode(secret), channel, bankCode));
		this.events.publishEvent(new ChannelClientAdded(clientId, channel, bankCode, by));
		return new Principal(clientId, null, null, null, channel, bankCode, true, 0);
	}

	/**
	 * Applies the given changes (null: unchanged; {@code branchCode} only when {@code setBranch})
	 * with the rules of {@link #addOperator}. Any change revokes the operator's tokens.
	 * 404 {@code NOT_FOUND} for an unknown operator.
	 */
	@Transactional
	public Principal changeOperator(String username, Boolean enabled, OperatorRole role, boolean setBranch,
			String branchCode, String password, String by) {
		PrincipalState name = this.names.find(username)
			.filter((found) -> PrincipalState.OPERATOR.equals(found.kind()))
			.orElseThrow(() -> notFound("operator", username));
		Operator operator = this.operators.findByUsername(name.name()).orElseThrow(() -> notFound("operator", username));
		String currentBranch = (operator.branchId() != null) ? this.branches.codeOf(operator.branchId()) : null;
		OperatorRole newRole = (role != null) ? role : operator.role();
		String newBranchCode = setBranch ? branchCode : currentBranch;
		List<String> changes = new ArrayList<>();
		if (enabled != null && enabled != name.enabled()) {
			changes.add("enabled");
		}
		if (newRole != operator.role()) {
			changes.add("role");
		}
		if (!Objects.equals(newBranchCode, currentBranch)) {
			changes.add("branchCode");
		}
		if (password != null) {
			changes.add("password");
		}
		if (changes.isEmpty()) {
			return operatorPrincipal(operator, currentBranch, name);
		}
		if (changes.contains("role") || changes.contains("branchCode")) {
			BranchRef branch = branchFor(newRole, newBranchCode);
			operator.reassign(newRole, (branch != null) ? branch.id() : null);
		}
		if (password != null) {
			operator.changePassword(this.passwordEncoder.encode(password));
		}
		this.operators.flush();
		PrincipalState changed = revoke(name.name(), enabled);
		this.events.publishEvent(new OperatorChanged(name.name(), List.copyOf(changes), newRole, newBranchCode,
				changed.enabled(), by));
		return operatorPrincipal(operator, newBranchCode, changed);
	}

	/** Like {@link #changeOperator} for a channel client: enabling or disabling it, a new secret. */
	@Transactional
	public Principal changeChannelClient(String clientId, Boolean enabled, String secret, String by) {
		PrincipalState name = this.names.find(clientId)
			.filter((found) -> PrincipalState.CHANNEL_CLIENT.equals(found.kind()))
			.orElseThrow(() -> notFound("channel client", clientId));
		ChannelClient client = this.clients.findByClientId(name.name())
			.orElseThrow(() -> notFound("channel client", clientId));
		List<String> changes = new ArrayList<>();
		if (enabled != null && enabled != name.enabled()) {
			changes.add("enabled");
		}
		if (secret != null) {
			changes.add("secret");
		}
		if (changes.isEmpty()) {
			return clientPrincipal(client, name);
		}
		if (secret != null) {
			client.changeSecret(this.passwordEncoder.encode(secret));
			this.clients.flush();
		}
		PrincipalState changed = revoke(name.name(), enabled);
		this.events.publishEvent(new ChannelClientChanged(name.name(), List.copyOf(changes), changed.enabled(), by));
		return clientPrincipal(client, changed);
	}

	@Transactional(readOnly = true)
	public boolean operatorExists(String username) {
		return this.operators.existsByUsername(username);
	}

	/**
	 * The principal with this username or client id, ignoring case, with its credential hash, for
	 * sign-in. The principal's own spelling of the name is the one its tokens carry.
	 */
	@Transactional(readOnly = true)
	public Optional<Principal> findForSignIn(String name) {
		// The generation is read before the credential: racing a password change, sign-in may
		// pair a new password with the old generation (a token refused at once, safe) but never an
		// old password with the new generation (a token that would outlive the change).
		return this.names.find(name).flatMap((state) -> PrincipalState.OPERATOR.equals(state.kind())
				? this.operators.findByUsername(state.name()).map((operator) -> operatorPrincipal(operator,
						(operator.branchId() != null) ? this.branches.codeOf(operator.branchId()) : null, state))
				: this.clients.findByClientId(state.name()).map((client) -> clientPrincipal(client, state)));
	}

	private PrincipalState revoke(String name, Boolean enabled) {
		PrincipalState changed = this.names.changed(name, enabled);
		// This instance stops accepting the old tokens when the change commits, without waiting
		// for its own notification; the other instances hear of it through the database.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				StaffDirectory.this.revocations.apply(changed);
			}

		});
		return changed;
	}

	private BranchRef branchFor(OperatorRole role, String branchCode) {
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
		return branch;
	}

	private static Principal operatorPrincipal(Operator operator, String branchCode, PrincipalState state) {
		return new Principal(operator.username(), operator.passwordHash(), operator.role(), branchCode, null, null,
				state.enabled(), state.tokenGeneration());
	}

	private static Principal clientPrincipal(ChannelClient client, PrincipalState state) {
		return new Principal(client.clientId(), client.secretHash(), null, null, client.channel(), client.bankCode(),
				state.enabled(), state.tokenGeneration());
	}

	private static DomainException notFound(String what, String name) {
		return new DomainException(ErrorCode.NOT_FOUND, "There is no " + what + " named " + name + ".");
	}

	/** The friendly answer; the database's unique index decides races between concurrent requests. */
	private void ensureNameFree(String name) {
		if (this.names.taken(name)) {
			throw new DomainException(ErrorCode.DUPLICATE, "The name " + name + " is already taken.");
		}
	}

}
