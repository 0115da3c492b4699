package org.sscard.card;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;

/**
 * What both accounts on a card share: a status, a PIN, a count of consecutive wrong PINs, and
 * where and how the account was activated. State changes only through the intent methods, which
 * refuse transitions the domain does not allow.
 */
@MappedSuperclass
public abstract class Account {

	@Id
	private Long cardId;

	@Enumerated(EnumType.STRING)
	private AccountStatus status;

	@Embedded
	private PinHash pin;

	private int pinMismatchCount;

	private Instant activatedAt;

	private String activatedAtBranch;

	@Enumerated(EnumType.STRING)
	private Channel activationChannel;

	@Version
	private long version;

	protected Account() {
	}

	protected Account(PinHash initialPin) {
		this.status = AccountStatus.PENDING_ACTIVATION;
		this.pin = initialPin;
	}

	/** Refuses unless the account is still waiting to be activated. */
	public void ensureActivatable() {
		switch (this.status) {
			case ACTIVE -> throw new DomainException(ErrorCode.ALREADY_ACTIVE, label() + " account is already active.");
			case LOCKED -> throw locked();
			case PENDING_ACTIVATION -> {
			}
		}
	}

	/** Refuses unless the account has been activated (it may be locked). */
	public void ensureResettable() {
		if (this.status == AccountStatus.PENDING_ACTIVATION) {
			throw new DomainException(ErrorCode.NOT_ACTIVE,
					label() + " account has never been activated: activate it instead of resetting its PIN.");
		}
	}

	public void activate(PinHash newPin, Channel channel, String branchCode, Instant at) {
		ensureActivatable();
		this.status = AccountStatus.ACTIVE;
		this.pin = newPin;
		this.pinMismatchCount = 0;
		this.activatedAt = at.truncatedTo(ChronoUnit.MICROS);
		this.activatedAtBranch = branchCode;
		this.activationChannel = channel;
	}

	/**
	 * Unlocks the account with a new PIN chosen in person. An account that locked before it was
	 * ever activated becomes active here, so this is also where and when it was activated.
	 */
	public void resetPin(PinHash newPin, Channel channel, String branchCode, Instant at) {
		ensureResettable();
		this.status = AccountStatus.ACTIVE;
		this.pin = newPin;
		this.pinMismatchCount = 0;
		if (this.activatedAt == null) {
			this.activatedAt = at.truncatedTo(ChronoUnit.MICROS);
			this.activatedAtBranch = branchCode;
			this.activationChannel = channel;
		}
	}

	/**
	 * Counts one more wrong PIN; the {@code maxAttempts}-th in a row locks the account.
	 * @return the attempts left before the account locks (0 when it just locked)
	 */
	public int recordPinMismatch(int maxAttempts) {
		this.pinMismatchCount++;
		if (this.pinMismatchCount >= maxAttempts) {
			this.status = AccountStatus.LOCKED;
			return 0;
		}
		return maxAttempts - this.pinMismatchCount;
	}

	DomainException locked() {
		return new DomainException(ErrorCode.ACCOUNT_LOCKED, label()
				+ " account is locked after too many wrong PINs. The holder must reset the PIN in person with the ID card.");
	}

	protected abstract String label();

	public Long cardId() {
		return this.cardId;
	}

	public AccountStatus status() {
		return this.status;
	}

	public PinHash pin() {
		return this.pin;
	}

	public int pinMismatchCount() {
		return this.pinMismatchCount;
	}

	public Instant activatedAt() {
		return this.activatedAt;
	}

	public String activatedAtBranch() {
		return this.activatedAtBranch;
	}

	public Channel activationChannel() {
		return this.activationChannel;
	}

}
