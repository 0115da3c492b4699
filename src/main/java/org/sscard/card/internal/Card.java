package org.sscard.card.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.sscard.card.CardEvent;
import org.sscard.card.CardEvent.AccountActivated;
import org.sscard.card.CardEvent.AccountUnlocked;
import org.sscard.card.CardEvent.AccountLocked;
import org.sscard.card.CancellationReason;
import org.sscard.card.CardEvent.CardCancelled;
import org.sscard.card.CardEvent.CardIssued;
import org.sscard.card.CardEvent.PinChanged;
import org.sscard.card.CardEvent.CardReplaced;
import org.sscard.card.CardEvent.LossReleased;
import org.sscard.card.CardEvent.LossReported;
import org.sscard.card.CardEvent.PinMismatchCounted;
import org.sscard.card.CardEvent.PinReset;
import org.sscard.card.CardEvent.PinVerified;
import org.sscard.card.CardEvent.RequestRejected;
import org.sscard.card.CardPart;
import org.sscard.card.CardRef;
import org.sscard.card.CardStatus;
import org.sscard.card.CardView;
import org.sscard.card.LossKind;
import org.sscard.card.ReplacementReason;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.NewPin;
import org.sscard.shared.Phone;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;

/**
 * A social security card: the aggregate root over its holder link and both accounts, so that
 * activating both at a bank counter is one change of one aggregate.
 * <p>
 * Every call on a card is an intent method here. It runs the contract's checks in the contract's
 * order (place, account state, identity, current PIN, new-PIN policy) before it changes anything,
 * records what happened as {@link CardEvent}s, and returns the refusal, if any, as a value: a
 * refused call has then changed nothing but what the contract keeps on purpose (the mismatch
 * count, and the event itself), all in the caller's unit of work.
 */
@Entity
@DynamicUpdate
@Table(name = "cards")
public class Card {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String cardNumber;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "holder_id")
	private Cardholder holder;

	private String insuredRegionCode;

	@Enumerated(EnumType.STRING)
	private CardStatus status;

	private Instant issuedAt;

	@Version
	private long version;

	private Instant lossReportedAt;

	private Instant temporaryLossExpiresAt;

	private String replacementFor;

	private String replacedBy;

	/** Why the card was replaced or cancelled (a {@link ReplacementReason} or {@link CancellationReason}). */
	private String closureReason;

	private String closureNote;

	@OneToOne(mappedBy = "card", cascade = CascadeType.ALL, optional = false, fetch = FetchType.LAZY)
	private SocialSecurityAccount socialSecurityAccount;

	@OneToOne(mappedBy = "card", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
	private FinancialAccount financialAccount;

	/** Events recorded since the card was loaded; made concrete when pulled, once the card has its id. */
	@Transient
	private final List<Function<CardRef, CardEvent>> recorded = new ArrayList<>();

	protected Card() {
	}

	private Card(String cardNumber, Cardholder holder, String insuredRegionCode, Instant at) {
		this.cardNumber = cardNumber;
		this.holder = holder;
		this.insuredRegionCode = insuredRegionCode;
		this.status = CardStatus.NORMAL;
		this.issuedAt = at.truncatedTo(ChronoUnit.MICROS);
	}

	/** A new card: the social-security account sealed under the initial PIN, the bank account (if any) without one. */
	static Card issue(String cardNumber, Cardholder holder, String insuredRegionCode, PinHash initialPin,
			String bankCode, String accountNumber, ServicePoint by, Instant at) {
		Card card = new Card(cardNumber, holder, insuredRegionCode, at);
		card.socialSecurityAccount = new SocialSecurityAccount(card, initialPin);
		if (accountNumber != null) {
			card.financialAccount = new FinancialAccount(card, bankCode, accountNumber);
		}
		card.record((ref) -> new CardIssued(ref, CardPart.CARD, by, at));
		return card;
	}

	/** The holder changes the initial PIN at a window in the insured city and leaves a phone number. */
	public Optional<Rejection> activateSocialSecurity(ServicePoint by, String currentPin, String newPin, Phone phone,
			Pins pins, Instant now) {
		SocialSecurityAccount account = this.socialSecurityAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> insuredCityRefusal(by),
				this::cardBlockedRefusal, account::activationRefusal);
		if (refused.isEmpty()) {
			refused = currentPinRefusal(account, currentPin, by, pins, now);
		}
		if (refused.isEmpty()) {
			refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> newPinRefusal(newPin));
		}
		if (refused.isPresent()) {
			return refused;
		}
		Phone before = this.holder.changePhone(phone);
		activate(account, pins.hash(newPin), by, now, before, phone);
		return Optional.empty();
	}

	/** The holder activates the bank application at a counter of its bank, or online, with the ID card. */
	public Optional<Rejection> activateFinancial(ServicePoint by, IdNumber idNumber, String holderName, String newPin,
			Phone phone, Pins pins, IdentityChecks identityChecks, Instant now) {
		FinancialAccount account = this.financialAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.FINANCIAL, this::financialAccountRefusal,
				() -> account.bankRefusal(by), this::cardBlockedRefusal, () -> account.activationRefusal(),
				() -> identityRefusal(by, idNumber, holderName, identityChecks), () -> newPinRefusal(newPin));
		if (refused.isPresent()) {
			return refused;
		}
		Phone before = this.holder.changePhone(phone);
		activate(account, pins.hash(newPin), by, now, before, phone);
		return Optional.empty();
	}

	/**
	 * Both accounts in one visit to a bank counter in the insured city: both become active, or
	 * neither. Each refusal is recorded against the account (or the card) it concerns.
	 */
	public Optional<Rejection> activateBoth(ServicePoint by, IdNumber idNumber, String holderName, String currentPin,
			String socialSecurityPin, String financialPin, Phone phone, Pins pins, IdentityChecks identityChecks,
			Instant now) {
		SocialSecurityAccount socialSecurity = this.socialSecurityAccount;
		FinancialAccount financial = this.financialAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> insuredCityRefusal(by))
			.or(() -> firstRefusal(by, now, CardPart.FINANCIAL, this::financialAccountRefusal,
					() -> financial.bankRefusal(by)))
			.or(() -> firstRefusal(by, now, CardPart.CARD, this::cardBlockedRefusal))
			.or(() -> firstRefusal(by, now, CardPart.SOCIAL_SECURITY, socialSecurity::activationRefusal))
			.or(() -> firstRefusal(by, now, CardPart.FINANCIAL, () -> financial.activationRefusal()))
			.or(() -> firstRefusal(by, now, CardPart.CARD,
					() -> identityRefusal(by, idNumber, holderName, identityChecks)))
			.or(() -> currentPinRefusal(socialSecurity, currentPin, by, pins, now))
			.or(() -> firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> newPinRefusal(socialSecurityPin)))
			.or(() -> firstRefusal(by, now, CardPart.FINANCIAL, () -> newPinRefusal(financialPin)));
		if (refused.isPresent()) {
			return refused;
		}
		Phone before = this.holder.changePhone(phone);
		activate(socialSecurity, pins.hash(socialSecurityPin), by, now, before, phone);
		activate(financial, pins.hash(financialPin), by, now, before, phone);
		return Optional.empty();
	}

	/**
	 * A new social-security PIN chosen in person with the ID card, in the insured city; it unlocks a
	 * locked account. An account that locked while still sealed is activated by it, so a phone
	 * number is then required, as at any activation.
	 */
	public Optional<Rejection> resetSocialSecurityPin(ServicePoint by, IdNumber idNumber, String holderName,
			String newPin, Phone phone, Pins pins, IdentityChecks identityChecks, Instant now) {
		SocialSecurityAccount account = this.socialSecurityAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> insuredCityRefusal(by),
				this::cardBlockedRefusal, account::resetRefusal,
				() -> identityRefusal(by, idNumber, holderName, identityChecks), () -> newPinRefusal(newPin),
				() -> phoneRefusal(account, phone));
		if (refused.isPresent()) {
			return refused;
		}
		resetPin(account, pins.hash(newPin), by, now, phone);
		return Optional.empty();
	}

	/** A new PIN for the bank application, at a counter of its bank. */
	public Optional<Rejection> resetFinancialPin(ServicePoint by, IdNumber idNumber, String holderName, String newPin,
			Phone phone, Pins pins, IdentityChecks identityChecks, Instant now) {
		FinancialAccount account = this.financialAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.FINANCIAL, this::financialAccountRefusal,
				() -> account.bankRefusal(by), this::cardBlockedRefusal, () -> account.resetRefusal(),
				() -> identityRefusal(by, idNumber, holderName, identityChecks), () -> newPinRefusal(newPin),
				() -> phoneRefusal(account, phone));
		if (refused.isPresent()) {
			return refused;
		}
		resetPin(account, pins.hash(newPin), by, now, phone);
		return Optional.empty();
	}

	/**
	 * The holder proves to know the social-security PIN, at a settlement in the insured city. A
	 * wrong PIN counts towards the lock exactly as at activation; a right one starts the count again.
	 */
	public Optional<Rejection> verifySocialSecurityPin(ServicePoint by, String pin, Pins pins, Instant now) {
		SocialSecurityAccount account = this.socialSecurityAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> insuredCityRefusal(by),
				this::cardBlockedRefusal, account::inUseRefusal);
		if (refused.isEmpty()) {
			refused = currentPinRefusal(account, pin, by, pins, now);
		}
		if (refused.isPresent()) {
			return refused;
		}
		account.pinVerified();
		record((ref) -> new PinVerified(ref, CardPart.SOCIAL_SECURITY, by, now));
		return Optional.empty();
	}

	/**
	 * The holder, knowing the social-security PIN, chooses another: at a window in the insured city,
	 * or online through the e-SSC (any city; which channels may call is the security layer's rule).
	 */
	public Optional<Rejection> changeSocialSecurityPin(ServicePoint by, String currentPin, String newPin, Pins pins,
			Instant now) {
		SocialSecurityAccount account = this.socialSecurityAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY,
				() -> by.isChannelClient() ? null : insuredCityRefusal(by), this::cardBlockedRefusal,
				account::inUseRefusal);
		if (refused.isEmpty()) {
			refused = currentPinRefusal(account, currentPin, by, pins, now);
		}
		if (refused.isEmpty()) {
			refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> newPinRefusal(newPin),
					() -> account.pinMatches(newPin, pins) ? Rejection.of(ErrorCode.PIN_UNCHANGED,
							"The new PIN is the current PIN; choose another six-digit PIN.") : null);
		}
		if (refused.isPresent()) {
			return refused;
		}
		account.changePin(pins.hash(newPin));
		record((ref) -> new PinChanged(ref, CardPart.SOCIAL_SECURITY, by, now));
		return Optional.empty();
	}

	/**
	 * Lifts the lock of the social-security account in person with the ID card, keeping the PIN
	 * (the holder remembers it again): at a service hall's window or a bank counter in the insured city.
	 */
	public Optional<Rejection> unlockSocialSecurity(ServicePoint by, IdNumber idNumber, String holderName,
			IdentityChecks identityChecks, Instant now) {
		SocialSecurityAccount account = this.socialSecurityAccount;
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.SOCIAL_SECURITY, () -> insuredCityRefusal(by),
				this::cardBlockedRefusal, account::unlockRefusal,
				() -> identityRefusal(by, idNumber, holderName, identityChecks));
		if (refused.isPresent()) {
			return refused;
		}
		account.unlock();
		record((ref) -> new AccountUnlocked(ref, CardPart.SOCIAL_SECURITY, by, now));
		return Optional.empty();
	}

	/** A replacement for {@code old}: same holder and insured region, sealed under the initial PIN. */
	static Card issueReplacement(Card old, String cardNumber, PinHash initialPin, String bankCode,
			String accountNumber, ServicePoint by, Instant at) {
		Card card = issue(cardNumber, old.holder, old.insuredRegionCode, initialPin, bankCode, accountNumber, by, at);
		card.replacementFor = old.cardNumber;
		return card;
	}

	/**
	 * The holder reports the card lost. A temporary report (online, or at any window that may read
	 * the card) blocks the card until it is released or lapses after {@code temporaryPeriod}; a
	 * formal one (in person) blocks it until it is replaced or cancelled. Who may make a formal
	 * report, and who may read the card, is checked before the card is asked.
	 */
	public Optional<Rejection> reportLoss(ServicePoint by, LossKind kind, IdNumber idNumber, String holderName,
			Duration temporaryPeriod, IdentityChecks identityChecks, Instant now) {
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.CARD, () -> readScopeRefusal(by),
				() -> bankAppRefusal(by), (kind == LossKind.TEMPORARY) ? () -> transitionRefusal("a temporary loss report", CardStatus.NORMAL)
						: () -> transitionRefusal("a formal loss report", CardStatus.NORMAL, CardStatus.TEMPORARILY_LOST),
				() -> identityRefusal(by, idNumber, holderName, identityChecks));
		if (refused.isPresent()) {
			return refused;
		}
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		if (this.status == CardStatus.NORMAL) {
			// A formal report after a temporary one keeps the time the loss was first reported.
			this.lossReportedAt = at;
		}
		if (kind == LossKind.TEMPORARY) {
			this.status = CardStatus.TEMPORARILY_LOST;
			this.temporaryLossExpiresAt = at.plus(temporaryPeriod);
		}
		else {
			this.status = CardStatus.LOST;
			this.temporaryLossExpiresAt = null;
		}
		Instant expires = this.temporaryLossExpiresAt;
		record((ref) -> new LossReported(ref, CardPart.CARD, by, now, kind, expires));
		return Optional.empty();
	}

	/** The holder found the card: a temporary loss report is released (解挂) in person. */
	public Optional<Rejection> releaseLoss(ServicePoint by, IdNumber idNumber, String holderName,
			IdentityChecks identityChecks, Instant now) {
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.CARD, () -> readScopeRefusal(by),
				() -> transitionRefusal("releasing a loss report", CardStatus.TEMPORARILY_LOST),
				() -> identityRefusal(by, idNumber, holderName, identityChecks));
		if (refused.isPresent()) {
			return refused;
		}
		endTemporaryLoss(by, now, false);
		return Optional.empty();
	}

	/**
	 * A temporary loss report whose period has passed lapses: the card is NORMAL again, by the
	 * service itself ({@link ServicePoint#SYSTEM}).
	 * @return whether it lapsed now
	 */
	public boolean lapseTemporaryLoss(Instant now) {
		if (this.status != CardStatus.TEMPORARILY_LOST || this.temporaryLossExpiresAt.isAfter(now)) {
			return false;
		}
		endTemporaryLoss(ServicePoint.SYSTEM, now, true);
		return true;
	}

	/**
	 * The card is replaced by {@code newCardNumber}: it becomes REPLACED and its accounts CLOSED.
	 * {@code newCardRefusal} checks the new card's request (numbers free, RMB debit) after the
	 * card's own state, so that its refusal is on the old card's record too. The new card itself
	 * is issued by the caller, in the same unit of work, with {@link #issueReplacement}.
	 */
	public Optional<Rejection> replace(ServicePoint by, String newCardNumber, ReplacementReason reason,
			Supplier<Rejection> newCardRefusal, Instant now) {
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.CARD,
				() -> transitionRefusal("a replacement", CardStatus.NORMAL, CardStatus.TEMPORARILY_LOST, CardStatus.LOST),
				() -> (reason == ReplacementReason.LOST && this.status != CardStatus.LOST)
						? blocked("A replacement for a lost card needs card " + this.cardNumber
								+ " formally reported lost first (it is " + this.status + ").")
						: null,
				newCardRefusal);
		if (refused.isPresent()) {
			return refused;
		}
		this.replacedBy = newCardNumber;
		close(CardStatus.REPLACED, reason.name(), null);
		record((ref) -> new CardReplaced(ref, CardPart.CARD, by, now, newCardNumber, reason));
		return Optional.empty();
	}

	/**
	 * The card is cancelled (注销) for good, and its accounts closed: by an ADMIN, or at a service
	 * hall in the insured city (the role is checked on the path).
	 */
	public Optional<Rejection> cancel(ServicePoint by, CancellationReason reason, String note, Instant now) {
		Optional<Rejection> refused = firstRefusal(by, now, CardPart.CARD,
				() -> by.isAdmin() ? null : insuredCityRefusal(by),
				() -> transitionRefusal("a cancellation", CardStatus.NORMAL, CardStatus.TEMPORARILY_LOST,
						CardStatus.LOST));
		if (refused.isPresent()) {
			return refused;
		}
		close(CardStatus.CANCELLED, reason.name(), note);
		record((ref) -> new CardCancelled(ref, CardPart.CARD, by, now, reason));
		return Optional.empty();
	}

	/**
	 * An online channel asks, for the holder, how the card stands: the holder's identity is
	 * required, and a bank's app serves only its own bank's cards. Any status is answered.
	 */
	public Optional<Rejection> checkStatusEnquiry(ServicePoint by, IdNumber idNumber, String holderName,
			IdentityChecks identityChecks, Instant now) {
		return firstRefusal(by, now, CardPart.CARD, () -> bankAppRefusal(by),
				() -> identityRefusal(by, idNumber, holderName, identityChecks));
	}

	public CardStatus status() {
		return this.status;
	}

	public String insuredRegionCode() {
		return this.insuredRegionCode;
	}

	public Long holderId() {
		return this.holder.id();
	}

	/**
	 * Who may read the card: ADMIN any; staff a card insured in their branch's city, and a teller
	 * also one whose financial account is at the teller's bank; nobody else.
	 */
	public boolean isReadableBy(ServicePoint by) {
		if (by.isAdmin()) {
			return true;
		}
		if (by.worksInCityOf(this.insuredRegionCode)) {
			return true;
		}
		return by.isTeller() && this.financialAccount != null && this.financialAccount.bankCode().equals(by.bankCode());
	}

	/** The events recorded since the card was loaded or last pulled, oldest first. */
	public List<CardEvent> pullEvents() {
		CardRef ref = new CardRef(this.id, this.cardNumber, this.insuredRegionCode,
				(this.financialAccount != null) ? this.financialAccount.bankCode() : null);
		List<CardEvent> events = this.recorded.stream().map((event) -> event.apply(ref)).toList();
		this.recorded.clear();
		return events;
	}

	/** The card as callers see it; the loss report's time shows only while the card is lost. */
	public CardView view() {
		boolean lostNow = this.status == CardStatus.TEMPORARILY_LOST || this.status == CardStatus.LOST;
		return new CardView(this.cardNumber, this.status, this.holder.view(), this.insuredRegionCode,
				(this.financialAccount != null) ? List.of("HUMAN_RESOURCES", "SOCIAL_SECURITY", "FINANCIAL")
						: List.of("HUMAN_RESOURCES", "SOCIAL_SECURITY"),
				this.socialSecurityAccount.view(),
				(this.financialAccount != null) ? this.financialAccount.view() : null, lostNow ? this.lossReportedAt : null,
				this.temporaryLossExpiresAt, this.replacementFor, this.replacedBy);
	}

	public Long id() {
		return this.id;
	}

	private void activate(Account account, PinHash pin, ServicePoint by, Instant now, Phone phoneBefore,
			Phone phoneAfter) {
		account.activate(pin, by, now);
		record((ref) -> new AccountActivated(ref, account.part(), by, now, phoneBefore, phoneAfter));
	}

	/** A reset of a never-activated account is its activation: both are recorded. */
	private void resetPin(Account account, PinHash pin, ServicePoint by, Instant now, Phone phone) {
		boolean activation = account.neverActivated();
		Phone before = (phone != null) ? this.holder.changePhone(phone) : null;
		account.resetPin(pin, by, now);
		if (activation) {
			record((ref) -> new AccountActivated(ref, account.part(), by, now, before, phone));
		}
		record((ref) -> new PinReset(ref, account.part(), by, now, before, phone));
	}

	/**
	 * The first of {@code checks} that refuses, recorded as a rejection of {@code part}. Checks
	 * change nothing until one refuses (an identity mismatch is counted), so running them in order
	 * is the contract's order of checks.
	 */
	@SafeVarargs
	private Optional<Rejection> firstRefusal(ServicePoint by, Instant now, CardPart part,
			Supplier<Rejection>... checks) {
		for (Supplier<Rejection> check : checks) {
			Rejection refusal = check.get();
			if (refusal != null) {
				record((ref) -> new RequestRejected(ref, part, by, now, refusal.code()));
				return Optional.of(refusal);
			}
		}
		return Optional.empty();
	}

	/** A wrong current PIN is counted (and may lock the account) before it is answered. */
	private Optional<Rejection> currentPinRefusal(Account account, String pin, ServicePoint by, Pins pins,
			Instant now) {
		if (account.pinMatches(pin, pins)) {
			return Optional.empty();
		}
		int maxAttempts = pins.maxAttempts(this.insuredRegionCode);
		int remaining = account.countMismatch(maxAttempts);
		if (remaining == 0) {
			record((ref) -> new AccountLocked(ref, account.part(), by, now));
		}
		else {
			record((ref) -> new PinMismatchCounted(ref, account.part(), by, now, remaining));
		}
		return Optional.of(account.mismatchRefusal(remaining, maxAttempts));
	}

	/**
	 * Loss reports and their release are for staff who may read the card (a teller of its bank in
	 * any city too); like every call, one outside that scope is told where the card is insured
	 * rather than that it does not exist.
	 */
	private Rejection readScopeRefusal(ServicePoint by) {
		return (by.isChannelClient() || isReadableBy(by)) ? null : outsideInsuredRegion();
	}

	/** Staff serve only cards insured in their branch's city; the detail tells the holder where to go. */
	private Rejection insuredCityRefusal(ServicePoint by) {
		return by.worksInCityOf(this.insuredRegionCode) ? null : outsideInsuredRegion();
	}

	private Rejection outsideInsuredRegion() {
		return new Rejection(ErrorCode.OUTSIDE_INSURED_REGION, "Card " + this.cardNumber + " is insured in region "
				+ this.insuredRegionCode + ": the holder must go to a service hall, cooperating bank, designated "
				+ "hospital or pharmacy in that city (region codes starting " + this.insuredRegionCode.substring(0, 4)
				+ ").", Map.of("insuredRegionCode", this.insuredRegionCode));
	}

	private Rejection financialAccountRefusal() {
		if (this.financialAccount != null) {
			return null;
		}
		return Rejection.of(ErrorCode.NO_FINANCIAL_ACCOUNT,
				"Card " + this.cardNumber + " carries no financial (bank) account.");
	}

	private void endTemporaryLoss(ServicePoint by, Instant now, boolean lapsed) {
		this.status = CardStatus.NORMAL;
		this.lossReportedAt = null;
		this.temporaryLossExpiresAt = null;
		record((ref) -> new LossReleased(ref, CardPart.CARD, by, now, lapsed));
	}

	private void close(CardStatus end, String reason, String note) {
		this.status = end;
		this.temporaryLossExpiresAt = null;
		this.closureReason = reason;
		this.closureNote = note;
		this.socialSecurityAccount.close();
		if (this.financialAccount != null) {
			this.financialAccount.close();
		}
	}

	/** While the card is not NORMAL nothing is done with it: no activation, reset or PIN service. */
	private Rejection cardBlockedRefusal() {
		if (this.status == CardStatus.NORMAL) {
			return null;
		}
		return blocked(switch (this.status) {
			case TEMPORARILY_LOST -> "Card " + this.cardNumber + " is reported lost (temporarily): the holder must "
					+ "release the report in person with the ID card before it can be used.";
			case LOST -> "Card " + this.cardNumber + " is reported lost: it can only be replaced or cancelled.";
			case REPLACED -> "Card " + this.cardNumber + " was replaced by card " + this.replacedBy
					+ ": serve the new card.";
			default -> "Card " + this.cardNumber + " is cancelled.";
		});
	}

	/** An illegal transition: the card is not in one of the states {@code from} that allow it. */
	private Rejection transitionRefusal(String what, CardStatus... from) {
		for (CardStatus allowed : from) {
			if (this.status == allowed) {
				return null;
			}
		}
		return blocked("Card " + this.cardNumber + " is " + this.status + ": " + what + " is not possible.");
	}

	private Rejection blocked(String detail) {
		return new Rejection(ErrorCode.CARD_BLOCKED, detail, Map.of("cardStatus", this.status.name()));
	}

	/** A bank's app serves only cards whose financial account is at its bank; other channels any card. */
	private Rejection bankAppRefusal(ServicePoint by) {
		if (by.channel() != Channel.MOBILE_BANKING || !by.isChannelClient()) {
			return null;
		}
		if (this.financialAccount != null && this.financialAccount.bankCode().equals(by.bankCode())) {
			return null;
		}
		String bank = (this.financialAccount != null) ? this.financialAccount.bankCode() : null;
		return new Rejection(ErrorCode.WRONG_BANK, (bank != null)
				? "The card's financial account is held at " + bank + ": only that bank's app can serve it."
				: "The card carries no bank account: no bank's app can serve it; use WeChat, Alipay or the e-SSC.",
				(bank != null) ? Map.of("bankCode", bank) : Map.of());
	}


	/**
	 * The identity shown must be the holder's. Every mismatch counts against the card; past the
	 * limit, channel clients are refused before the identity is even looked at (staff, who see the
	 * ID card in person, are not).
	 */
	private Rejection identityRefusal(ServicePoint by, IdNumber idNumber, String holderName, IdentityChecks checks) {
		if (by.isChannelClient()) {
			Duration blocked = checks.blockedFor();
			if (blocked != null) {
				return new Rejection(ErrorCode.IDENTITY_CHECKS_EXHAUSTED, "Too many identity checks on card "
						+ this.cardNumber + " failed recently: online identity checks are refused for now. The holder "
						+ "may go to a window in person with the ID card.", Map.of(), blocked);
			}
		}
		if (this.holder.isIdentifiedBy(idNumber, holderName)) {
			return null;
		}
		checks.countMismatch();
		return Rejection.of(ErrorCode.IDENTITY_MISMATCH, "The ID number and name given do not match the card's holder.");
	}

	/** An account activated by a reset needs the holder's contact phone, as at any activation. */
	private static Rejection phoneRefusal(Account account, Phone phone) {
		if (phone != null || !account.neverActivated()) {
			return null;
		}
		return Rejection.of(ErrorCode.PHONE_REQUIRED, account.label() + " account was never activated: this reset "
				+ "activates it, so the holder's mobile phone number (phone) is required.");
	}

	private Rejection newPinRefusal(String newPin) {
		return NewPin.refusal(newPin, this.holder.idNumber());
	}

	private void record(Function<CardRef, CardEvent> event) {
		this.recorded.add(event);
	}

}
