package org.sscard.activation;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.audit.Actor;
import org.sscard.audit.AuditAction;
import org.sscard.audit.AuditTrail;
import org.sscard.audit.AuditedAccount;
import org.sscard.card.Account;
import org.sscard.card.AccountStatus;
import org.sscard.card.Card;
import org.sscard.card.CardAccess;
import org.sscard.card.CardView;
import org.sscard.card.Cardholder;
import org.sscard.card.Cards;
import org.sscard.card.FinancialAccount;
import org.sscard.card.PinHasher;
import org.sscard.card.PinProperties;
import org.sscard.card.SocialSecurityAccount;
import org.sscard.security.Caller;
import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.NewPin;
import org.sscard.shared.Phone;

/**
 * The activation and PIN-reset use cases. Each runs the contract's checks in its order
 * (place, account state, identity, current PIN, new-PIN policy) on a card locked for the
 * duration of the transaction. A rejected call changes nothing, except what the contract keeps
 * on purpose: its audit event and the PIN-mismatch count, written in a transaction of their
 * own after the rejected one was rolled back.
 */
@Service
public class CardActivation {

	private final Cards cards;

	private final PinHasher pins;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final int maxAttempts;

	CardActivation(Cards cards, PinHasher pins, AuditTrail audit, PlatformTransactionManager transactionManager,
			PinProperties pinProperties) {
		this.cards = cards;
		this.pins = pins;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
		this.maxAttempts = pinProperties.maxAttempts();
	}

	public record SocialSecurityActivation(String currentPin, String newPin, String phone) {

		@Override
		public String toString() {
			return "SocialSecurityActivation[***]";
		}

	}

	public record FinancialActivation(String idNumber, String holderName, String phone, String newPin) {

		@Override
		public String toString() {
			return "FinancialActivation[***]";
		}

	}

	public record CombinedActivation(String idNumber, String holderName, String phone, String currentPin,
			String socialSecurityPin, String financialPin) {

		@Override
		public String toString() {
			return "CombinedActivation[***]";
		}

	}

	public record PinReset(String idNumber, String holderName, String newPin) {

		@Override
		public String toString() {
			return "PinReset[***]";
		}

	}

	/** The holder changes the initial PIN at a window in the insured city. */
	public CardView activateSocialSecurity(Caller caller, String cardNumber, SocialSecurityActivation request) {
		return attempt(caller, cardNumber, AuditedAccount.SOCIAL_SECURITY, (card, attempt) -> {
			requireInsuredCity(caller, card);
			SocialSecurityAccount account = card.socialSecurityAccount();
			account.ensureActivatable();
			requireCurrentPin(account, request.currentPin());
			NewPin pin = NewPin.check(request.newPin(), card.holder().idNumber());
			String phone = Phone.normalise(request.phone());
			String previousPhone = card.holder().changePhone(phone);
			account.activate(this.pins.hash(pin.digits()), caller.channel(), caller.branchCode(), Instant.now());
			this.audit.activated(card.id(), AuditedAccount.SOCIAL_SECURITY, actor(caller), previousPhone, phone);
		});
	}

	/** The holder activates the bank application at a counter of its bank, or online. */
	public CardView activateFinancial(Caller caller, String cardNumber, FinancialActivation request) {
		return attempt(caller, cardNumber, AuditedAccount.FINANCIAL, (card, attempt) -> {
			FinancialAccount account = card.requireFinancialAccount();
			requireBank(caller, account);
			account.ensureActivatable();
			requireIdentity(card.holder(), request.idNumber(), request.holderName());
			NewPin pin = NewPin.check(request.newPin(), card.holder().idNumber());
			String phone = Phone.normalise(request.phone());
			String previousPhone = card.holder().changePhone(phone);
			account.activate(this.pins.hash(pin.digits()), caller.channel(), caller.branchCode(), Instant.now());
			this.audit.activated(card.id(), AuditedAccount.FINANCIAL, actor(caller), previousPhone, phone);
		});
	}

	/** Both accounts in one visit to a bank counter in the insured city: both become active, or neither. */
	public CardView activateBoth(Caller caller, String cardNumber, CombinedActivation request) {
		return attempt(caller, cardNumber, AuditedAccount.SOCIAL_SECURITY, (card, attempt) -> {
			requireInsuredCity(caller, card);
			attempt.concerning(AuditedAccount.FINANCIAL);
			FinancialAccount financial = card.requireFinancialAccount();
			requireBank(caller, financial);
			attempt.concerning(AuditedAccount.SOCIAL_SECURITY);
			SocialSecurityAccount socialSecurity = card.socialSecurityAccount();
			socialSecurity.ensureActivatable();
			attempt.concerning(AuditedAccount.FINANCIAL);
			financial.ensureActivatable();
			attempt.concerning(AuditedAccount.CARD);
			requireIdentity(card.holder(), request.idNumber(), request.holderName());
			attempt.concerning(AuditedAccount.SOCIAL_SECURITY);
			requireCurrentPin(socialSecurity, request.currentPin());
			IdNumber holderId = card.holder().idNumber();
			NewPin socialSecurityPin = NewPin.check(request.socialSecurityPin(), holderId);
			attempt.concerning(AuditedAccount.FINANCIAL);
			NewPin financialPin = NewPin.check(request.financialPin(), holderId);

			String phone = Phone.normalise(request.phone());
			String previousPhone = card.holder().changePhone(phone);
			Instant now = Instant.now();
			socialSecurity.activate(this.pins.hash(socialSecurityPin.digits()), caller.channel(), caller.branchCode(), now);
			this.audit.activated(card.id(), AuditedAccount.SOCIAL_SECURITY, actor(caller), previousPhone, phone);
			financial.activate(this.pins.hash(financialPin.digits()), caller.channel(), caller.branchCode(), now);
			this.audit.activated(card.id(), AuditedAccount.FINANCIAL, actor(caller), previousPhone, phone);
		});
	}

	/** Unlocks the social-security account with a new PIN, in person with the ID card. */
	public CardView resetSocialSecurityPin(Caller caller, String cardNumber, PinReset request) {
		return attempt(caller, cardNumber, AuditedAccount.SOCIAL_SECURITY, (card, attempt) -> {
			requireInsuredCity(caller, card);
			reset(caller, card, card.socialSecurityAccount(), AuditedAccount.SOCIAL_SECURITY, request);
		});
	}

	/** Unlocks the bank application with a new PIN, at a counter of its bank. */
	public CardView resetFinancialPin(Caller caller, String cardNumber, PinReset request) {
		return attempt(caller, cardNumber, AuditedAccount.FINANCIAL, (card, attempt) -> {
			FinancialAccount account = card.requireFinancialAccount();
			requireBank(caller, account);
			reset(caller, card, account, AuditedAccount.FINANCIAL, request);
		});
	}

	private void reset(Caller caller, Card card, Account account, AuditedAccount audited, PinReset request) {
		account.ensureResettable();
		requireIdentity(card.holder(), request.idNumber(), request.holderName());
		NewPin pin = NewPin.check(request.newPin(), card.holder().idNumber());
		account.resetPin(this.pins.hash(pin.digits()), caller.channel(), caller.branchCode(), Instant.now());
		this.audit.succeeded(card.id(), audited, AuditAction.PIN_RESET, actor(caller));
	}

	/** Staff serve only cards insured in their branch's city; the detail tells the holder where to go. */
	private static void requireInsuredCity(Caller caller, Card card) {
		if (caller.branch() == null || !card.isInsuredInCityOf(caller.branch().regionCode())) {
			throw new DomainException(ErrorCode.OUTSIDE_INSURED_REGION, "Card " + card.cardNumber()
					+ " is insured in region " + card.insuredRegionCode() + ": the holder must go to a service hall, "
					+ "cooperating bank, designated hospital or pharmacy in that city (region codes starting "
					+ card.insuredRegionCode().substring(0, 4) + ").",
					Map.of("insuredRegionCode", card.insuredRegionCode()));
		}
	}

	/** Tellers and mobile-banking apps serve only their own bank's accounts; WeChat, Alipay and e-SSC any bank's. */
	private static void requireBank(Caller caller, FinancialAccount account) {
		boolean bankBound = caller.isTeller() || caller.channel() == Channel.MOBILE_BANKING;
		if (bankBound && !account.bankCode().equals(caller.bankCode())) {
			throw new DomainException(ErrorCode.WRONG_BANK, "The card's financial account is held at " + account.bankCode()
					+ ": only that bank's branches and app can serve it.", Map.of("bankCode", account.bankCode()));
		}
	}

	private static void requireIdentity(Cardholder holder, String idNumber, String holderName) {
		if (!holder.isIdentifiedBy(IdNumber.parse(idNumber), holderName)) {
			throw new DomainException(ErrorCode.IDENTITY_MISMATCH,
					"The ID number and name given do not match the card's holder.");
		}
	}

	private void requireCurrentPin(Account account, String currentPin) {
		if (!this.pins.matches(account.pin(), currentPin)) {
			throw new WrongPin();
		}
	}

	private static Actor actor(Caller caller) {
		return new Actor(caller.name(), caller.channel(), caller.branchCode());
	}

	private CardView attempt(Caller caller, String cardNumber, AuditedAccount concerning, CardWork work) {
		Attempt attempt = new Attempt(concerning);
		try {
			return this.transactions.execute((status) -> {
				Card card = this.cards.findForUpdate(cardNumber).orElseThrow(() -> CardAccess.notFound(cardNumber));
				attempt.found(card.id());
				work.apply(card, attempt);
				return CardView.of(card);
			});
		}
		catch (WrongPin wrongPin) {
			throw countMismatch(caller, cardNumber, attempt);
		}
		catch (DomainException rejected) {
			if (attempt.cardId() != null) {
				this.transactions.executeWithoutResult((status) -> this.audit.rejected(attempt.cardId(),
						attempt.concerning(), AuditAction.REJECTED, rejected.code(), actor(caller)));
			}
			throw rejected;
		}
	}

	/**
	 * Counts a wrong current PIN in a transaction of its own, on the card locked again, so that
	 * concurrent wrong PINs on any instance each count once and the count survives the rollback.
	 */
	private DomainException countMismatch(Caller caller, String cardNumber, Attempt attempt) {
		return this.transactions.execute((status) -> {
			Card card = this.cards.findForUpdate(cardNumber).orElseThrow(() -> CardAccess.notFound(cardNumber));
			SocialSecurityAccount account = card.socialSecurityAccount();
			if (account.status() != AccountStatus.PENDING_ACTIVATION) {
				// Activated or locked by a concurrent call since this one checked the PIN.
				try {
					account.ensureActivatable();
				}
				catch (DomainException changed) {
					this.audit.rejected(card.id(), AuditedAccount.SOCIAL_SECURITY, AuditAction.REJECTED, changed.code(),
							actor(caller));
					return changed;
				}
			}
			int remaining = account.recordPinMismatch(this.maxAttempts);
			if (remaining == 0) {
				this.audit.rejected(card.id(), AuditedAccount.SOCIAL_SECURITY, AuditAction.LOCKED,
						ErrorCode.ACCOUNT_LOCKED, actor(caller));
				return new DomainException(ErrorCode.ACCOUNT_LOCKED, "Wrong PIN " + this.maxAttempts
						+ " times in a row: the social-security account is now locked. The holder must reset the PIN "
						+ "in person with the ID card at a service hall or bank counter in the insured city.",
						Map.of("remainingAttempts", 0));
			}
			this.audit.rejected(card.id(), AuditedAccount.SOCIAL_SECURITY, AuditAction.PIN_MISMATCH,
					ErrorCode.PIN_MISMATCH, actor(caller));
			return new DomainException(ErrorCode.PIN_MISMATCH, "The current PIN is wrong. " + remaining
					+ " attempt(s) left before the account locks.", Map.of("remainingAttempts", remaining));
		});
	}

	@FunctionalInterface
	private interface CardWork {

		void apply(Card card, Attempt attempt);

	}

	/** What a failed attempt needs for its audit event: the card, once found, and the account at stake. */
	private static final class Attempt {

		private Long cardId;

		private AuditedAccount concerning;

		Attempt(AuditedAccount concerning) {
			this.concerning = concerning;
		}

		void found(Long cardId) {
			this.cardId = cardId;
		}

		void concerning(AuditedAccount account) {
			this.concerning = account;
		}

		Long cardId() {
			return this.cardId;
		}

		AuditedAccount concerning() {
			return this.concerning;
		}

	}

	/** A wrong current PIN: not a {@link DomainException} because it must be counted before it is answered. */
	private static final class WrongPin extends RuntimeException {

		WrongPin() {
			super("wrong current PIN", null, false, false);
		}

	}

}
