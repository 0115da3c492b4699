package org.sscard.card.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.sscard.card.AccountStatus;
import org.sscard.card.CardPart;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/**
 * What both accounts on a card share: a status, a PIN, a count of consecutive wrong PINs, and
 * where and how the account was activated. Only the card changes it, through the methods below,
 * each of which refuses what the domain does not allow.
 */
@MappedSuperclass
abstract class Account {

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

	abstract CardPart part();

	abstract String label();

	/** Why this account cannot be activated now, or {@code null}. */
	Rejection activationRefusal() {
		return switch (this.status) {
			case ACTIVE -> Rejection.of(ErrorCode.ALREADY_ACTIVE, label() + " account is already active.");
			case LOCKED -> lockedRefusal();
			case PENDING_ACTIVATION -> null;
			case CLOSED -> Rejection.of(ErrorCode.NOT_ACTIVE, label() + " account is closed.");
		};
	}

	/** Why this account's PIN cannot be reset now, or {@code null}: it must have been activated. */
	Rejection resetRefusal() {
		return switch (this.status) {
			case ACTIVE, LOCKED -> null;
			case PENDING_ACTIVATION -> Rejection.of(ErrorCode.NOT_ACTIVE,
					label() + " account has never been activated: activate it instead of resetting its PIN.");
			case CLOSED -> Rejection.of(ErrorCode.NOT_ACTIVE, label() + " account is closed.");
		};
	}

	/** Why the PIN of this account cannot be verified or changed now, or {@code null}: it must be active. */
	Rejection inUseRefusal() {
		return switch (this.status) {
			case ACTIVE -> null;
			case LOCKED -> lockedRefusal();
			case PENDING_ACTIVATION -> Rejection.of(ErrorCode.NOT_ACTIVE,
					label() + " account has not been activated yet: the holder must activate it first.");
			case CLOSED -> Rejection.of(ErrorCode.NOT_ACTIVE, label() + " account is closed.");
		};
	}

	/** Why this account cannot be unlocked, or {@code null}: it must be locked. */
	Rejection unlockRefusal() {
		if (this.status == AccountStatus.LOCKED) {
			return null;
		}
		return Rejection.of(ErrorCode.NOT_LOCKED, label() + " account is not locked.");
	}

	/** Whether the account was never activated (it may have locked while still sealed). */
	boolean neverActivated() {
		return this.activatedAt == null;
	}

	Rejection lockedRefusal() {
		return Rejection.of(ErrorCode.ACCOUNT_LOCKED, label()
				+ " account is locked after too many wrong PINs. The holder must reset the PIN in person with the ID card.");
	}

	boolean pinMatches(String candidate, Pins pins) {
		return pins.matches(this.pin, candidate);
	}

	void activate(PinHash newPin, ServicePoint by, Instant at) {
		this.status = AccountStatus.ACTIVE;
		this.pin = newPin;
		this.pinMismatchCount = 0;
		this.activatedAt = at.truncatedTo(ChronoUnit.MICROS);
		this.activatedAtBranch = by.branchCode();
		this.activationChannel = by.channel();
	}

	/**
	 * Unlocks the account with a new PIN chosen in person. An account that locked before it was
	 * ever activated becomes active here, so this is also where and when it was activated.
	 */
	void resetPin(PinHash newPin, ServicePoint by, Instant at) {
		this.status = AccountStatus.ACTIVE;
		this.pin = newPin;
		this.pinMismatchCount = 0;
		if (this.activatedAt == null) {
			this.activatedAt = at.truncatedTo(ChronoUnit.MICROS);
			this.activatedAtBranch = by.branchCode();
			this.activationChannel = by.channel();
		}
	}

	/** The holder proved to know the PIN: the count of wrong ones starts again. */
	void pinVerified() {
		this.pinMismatchCount = 0;
	}

	void changePin(PinHash newPin) {
		this.pin = newPin;
		this.pinMismatchCount = 0;
	}

	/** Lifts the lock, keeps the PIN: the account is again as it was before it locked. */
	void unlock() {
		this.status = neverActivated() ? AccountStatus.PENDING_ACTIVATION : AccountStatus.ACTIVE;
		this.pinMismatchCount = 0;
	}

	/** The card was replaced or cancelled: the account serves nothing any more. */
	void close() {
		this.status = AccountStatus.CLOSED;
	}

	/**
	 * Counts one more wrong PIN; the {@code maxAttempts}-th in a row locks the account.
	 * @return the attempts left before the account locks (0 when it just locked)
	 */
	int countMismatch(int maxAttempts) {
		this.pinMismatchCount++;
		if (this.pinMismatchCount >= maxAttempts) {
			this.status = AccountStatus.LOCKED;
			return 0;
		}
		return maxAttempts - this.pinMismatchCount;
	}

	/** The refusal of a wrong PIN, once counted: {@code PIN_MISMATCH}, or {@code ACCOUNT_LOCKED} if it locked. */
	Rejection mismatchRefusal(int remaining, int maxAttempts) {
		if (remaining == 0) {
			return new Rejection(ErrorCode.ACCOUNT_LOCKED, "Wrong PIN " + maxAttempts + " times in a row: "
					+ label().toLowerCase(java.util.Locale.ROOT) + " account is now locked. The holder must reset the "
					+ "PIN in person with the ID card at a service hall or bank counter in the insured city.",
					Map.of("remainingAttempts", 0));
		}
		return new Rejection(ErrorCode.PIN_MISMATCH,
				"The current PIN is wrong. " + remaining + " attempt(s) left before the account locks.",
				Map.of("remainingAttempts", remaining));
	}

	AccountStatus status() {
		return this.status;
	}

	Instant activatedAt() {
		return this.activatedAt;
	}

	String activatedAtBranch() {
		return this.activatedAtBranch;
	}

	Channel activationChannel() {
		return this.activationChannel;
	}

}
