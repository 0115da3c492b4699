package org.sscard.branch;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.sscard.shared.BranchKind;
import org.sscard.shared.FieldValidationException;

/**
 * A place where staff serve card holders: a social-security service hall, a bank branch, a
 * designated hospital or pharmacy. Branches are never changed once opened.
 */
@Entity
@Table(name = "branches")
public class Branch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private BranchKind kind;

	private String regionCode;

	private String bankCode;

	private Instant createdAt;

	protected Branch() {
	}

	private Branch(String code, String name, BranchKind kind, String regionCode, String bankCode) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.regionCode = regionCode;
		this.bankCode = bankCode;
		this.createdAt = Instant.now();
	}

	/** Opens a branch; a bank code is required for, and only for, a bank branch. */
	static Branch open(String code, String name, BranchKind kind, String regionCode, String bankCode) {
		if ((kind == BranchKind.BANK_BRANCH) != (bankCode != null)) {
			throw new FieldValidationException("bankCode", "is required for, and only for, a BANK_BRANCH");
		}
		return new Branch(code, name, kind, regionCode, bankCode);
	}

	public Long id() {
		return this.id;
	}

	public BranchRef ref() {
		return new BranchRef(this.id, this.code, this.name, this.kind, this.regionCode, this.bankCode);
	}

}
