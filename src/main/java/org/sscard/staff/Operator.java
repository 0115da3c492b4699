package org.sscard.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of staff who signs in with a username and password. */
@Entity
@Table(name = "operators")
class Operator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private OperatorRole role;

	private Long branchId;

	private Instant createdAt;

	protected Operator() {
	}

	Operator(String username, String passwordHash, OperatorRole role, Long branchId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.branchId = branchId;
		this.createdAt = Instant.now();
	}

	/** A new role and branch; the caller has checked that the role may work there. */
	void reassign(OperatorRole role, Long branchId) {
		if (role.needsBranch() && branchId == null) {
			throw new IllegalArgumentException("a " + role + " needs a branch");
		}
		this.role = role;
		this.branchId = branchId;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	OperatorRole role() {
		return this.role;
	}

	Long branchId() {
		return this.branchId;
	}

}
