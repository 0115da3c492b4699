package org.sscard.card.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sscard.card.AccountStatus;
import org.sscard.card.CardEvent;
import org.sscard.card.CardEvent.AccountActivated;
import org.sscard.card.CardEvent.AccountLocked;
import org.sscard.card.CancellationReason;
import org.sscard.card.CardEvent.AccountUnlocked;
import org.sscard.card.CardEvent.CardCancelled;
import org.sscard.card.CardEvent.CardIssued;
import org.sscard.card.CardEvent.CardReplaced;
import org.sscard.card.CardEvent.LossReleased;
import org.sscard.card.CardEvent.LossReported;
import org.sscard.card.CardEvent.PinChanged;
import org.sscard.card.CardEvent.PinMismatchCounted;
import org.sscard.card.CardEvent.PinReset;
import org.sscard.card.CardEvent.PinVerified;
import org.sscard.card.CardEvent.RequestRejected;
import org.sscard.card.CardPart;
import org.sscard.card.CardStatus;
import org.sscard.card.CardView;
import org.sscard.card.LossKind;
import org.sscard.card.ReplacementReason;
import org.sscard.shared.BranchKind;
import org.sscard.shared.Channel;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;
import org.sscard.shared.Rejection;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ServicePoint.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card aggregate's state machine without Spring or a database: every transition and every
 * refusal, the order of its checks, and the events each records.
 */
class CardTests {

	static final Pins PINS = new Pins(new PinProperties("dGVzdC1vbmx5LXBpbi1rZXktMDEyMzQ1Njc4OWFiY2RlZg==", "t",
			Map.of(), 3, Map.of()));

	static final IdNumber ID = IdNumber.parse("440305198503121012");

	static final String NAME = "张伟";

	static final Phone PHONE = Phone.parse("13812345678");

	static final Instant NOW = Instant.parse("2026-11-27T08:15:00Z");

	static final ServicePoint HOSPITAL = ServicePoint.operator("clerk", Role.SERVICE_WINDOW, "SZ-HOSP", BranchKind.HOSPITAL,
			"440305", null);

	static final ServicePoint HALL_ELSEWHERE = ServicePoint.operator("gz", Role.SERVICE_WINDOW, "GZ-HALL",
			BranchKind.SERVICE_HALL, "440106", null);

	static final ServicePoint ICBC_TELLER = ServicePoint.operator("teller", Role.TELLER, "SZ-ICBC", BranchKind.BANK_BRANCH,
			"440304", "ICBC");

	static final ServicePoint CCB_TELLER = ServicePoint.operator("ccb", Role.TELLER, "SZ-CCB", BranchKind.BANK_BRANCH,
			"440304", "CCB");

	static final ServicePoint ICBC_TELLER_ELSEWHERE = ServicePoint.operator("gz-teller", Role.TELLER, "GZ-ICBC",
			BranchKind.BANK_BRANCH, "440106", "ICBC");

	static final ServicePoint WECHAT = ServicePoint.channelClient("wechat", Channel.WECHAT, null);

	static final ServicePoint CCB_APP = ServicePoint.channelClient("ccb-app", Channel.MOBILE_BANKING, "CCB");

	/** Identity checks of a card that has had {@code mismatches} recently; counts new ones. */
	static final class Checks implements IdentityChecks {

		int mismatches;

		final int max;

		Checks(int mismatches, int max) {
			this.mismatches = mismatches;
			this.max = max;
		}

		@Override
		public Duration blockedFor() {
			return (this.mismatches >= this.max) ? Duration.ofHours(1) : null;
		}

		@Override
		public void countMismatch() {
			this.mismatches++;
		}

	}

	static Checks checks() {
		return new Checks(0, 5);
	}

	static Card card(boolean withBankAccount) {
		Card card = Card.issue("A10000001", new Cardholder(ID, NAME), "440305", PINS.hash("123456"),
				withBankAccount ? "ICBC" : null, withBankAccount ? "6222024000000000014" : null,
				ServicePoint.admin("admin"), NOW);
		card.pullEvents();
		return card;
	}

	static Optional<Rejection> activateSocialSecurity(Card card, ServicePoint by, String currentPin, String newPin) {
		return card.activateSocialSecurity(by, currentPin, newPin, PHONE, PINS, NOW);
	}

	static String code(Optional<Rejection> refused) {
		return refused.map((r) -> r.code().name()).orElse("none");
	}

	static CardView view(Card card) {
		return card.view();
	}

	@Test
	void issuingSealsTheSocialSecurityAccountAndRecordsCardIssued() {
		Card card = Card.issue("A10000001", new Cardholder(ID, NAME), "440305", PINS.hash("123456"), "ICBC",
				"6222024000000000014", ServicePoint.admin("admin"), NOW);

		assertThat(card.view().socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(card.view().financialAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(card.view().applications()).contains("FINANCIAL");
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(CardIssued.class,
				(e) -> assertThat(e.part()).isEqualTo(CardPart.CARD));
		assertThat(card.pullEvents()).isEmpty();
	}

	@Test
	void activationInTheInsuredCityActivatesAndRecordsThePhone() {
		Card card = card(true);

		assertThat(activateSocialSecurity(card, HOSPITAL, "123456", "802514")).isEmpty();

		CardView view = view(card);
		assertThat(view.socialSecurityAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(view.socialSecurityAccount().activationChannel()).isEqualTo(Channel.HOSPITAL);
		assertThat(view.socialSecurityAccount().activatedAtBranch()).isEqualTo("SZ-HOSP");
		assertThat(view.holder().phone()).isEqualTo("138****5678");
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(AccountActivated.class, (e) -> {
			assertThat(e.part()).isEqualTo(CardPart.SOCIAL_SECURITY);
			assertThat(e.phoneBefore()).isNull();
			assertThat(e.phoneAfter()).isEqualTo(PHONE);
			assertThat(e.card().cardNumber()).isEqualTo("A10000001");
			assertThat(e.card().bankCode()).isEqualTo("ICBC");
		});
	}

	@Test
	void theInsuredCityIsCheckedBeforeTheAccountAndThePin() {
		Card card = card(true);

		assertThat(code(activateSocialSecurity(card, HALL_ELSEWHERE, "000000", "802514")))
			.isEqualTo("OUTSIDE_INSURED_REGION");

		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(RequestRejected.class,
				(e) -> assertThat(e.code()).isEqualTo(ErrorCode.OUTSIDE_INSURED_REGION));
		assertThat(code(activateSocialSecurity(card, HOSPITAL, "000000", "802514"))).as("the wrong PIN was not counted")
			.isEqualTo("PIN_MISMATCH");
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(PinMismatchCounted.class,
				(e) -> assertThat(e.remainingAttempts()).isEqualTo(2));
	}

	@Test
	void theThirdWrongPinLocksAndEvenTheRightPinIsThenRefused() {
		Card card = card(false);

		assertThat(activateSocialSecurity(card, HOSPITAL, "000000", "802514").orElseThrow().properties())
			.containsEntry("remainingAttempts", 2);
		assertThat(activateSocialSecurity(card, HOSPITAL, "000000", "802514").orElseThrow().properties())
			.containsEntry("remainingAttempts", 1);
		Rejection locking = activateSocialSecurity(card, HOSPITAL, "000000", "802514").orElseThrow();

		assertThat(locking.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
		assertThat(locking.properties()).containsEntry("remainingAttempts", 0);
		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.LOCKED);
		List<CardEvent> events = card.pullEvents();
		assertThat(events).hasSize(3);
		assertThat(events.get(2)).isInstanceOf(AccountLocked.class);
		assertThat(code(activateSocialSecurity(card, HOSPITAL, "123456", "802514"))).isEqualTo("ACCOUNT_LOCKED");
		assertThat(card.pullEvents()).singleElement().isInstanceOf(RequestRejected.class);
	}

	@Test
	void aSuccessResetsTheMismatchCount() {
		Card card = card(false);
		activateSocialSecurity(card, HOSPITAL, "000000", "802514");
		activateSocialSecurity(card, HOSPITAL, "000000", "802514");

		assertThat(activateSocialSecurity(card, HOSPITAL, "123456", "802514")).isEmpty();
		assertThat(card.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", null, PINS, checks(), NOW)).isEmpty();
		assertThat(card.activateSocialSecurity(HOSPITAL, "135790", "802514", PHONE, PINS, NOW).map(Rejection::code))
			.contains(ErrorCode.ALREADY_ACTIVE);
	}

	@Test
	void theNewPinPolicyComesAfterTheCurrentPinAndChangesNothing() {
		Card card = card(false);

		assertThat(code(activateSocialSecurity(card, HOSPITAL, "123456", "123456"))).isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(code(activateSocialSecurity(card, HOSPITAL, "123456", "850312"))).isEqualTo("WEAK_PIN");
		assertThat(code(activateSocialSecurity(card, HOSPITAL, "000000", "850312"))).isEqualTo("PIN_MISMATCH");

		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(view(card).holder().phone()).isNull();
	}

	@Test
	void theFinancialAccountIsServedByItsOwnBankOrAnyGeneralChannel() {
		assertThat(code(card(false).activateFinancial(ICBC_TELLER, ID, NAME, "731946", PHONE, PINS, checks(), NOW)))
			.isEqualTo("NO_FINANCIAL_ACCOUNT");
		assertThat(code(card(true).activateFinancial(CCB_TELLER, ID, NAME, "731946", PHONE, PINS, checks(), NOW)))
			.isEqualTo("WRONG_BANK");
		assertThat(code(card(true).activateFinancial(CCB_APP, ID, NAME, "731946", PHONE, PINS, checks(), NOW))).isEqualTo("WRONG_BANK");
		assertThat(code(card(true).activateFinancial(ICBC_TELLER, ID, "王芳", "731946", PHONE, PINS, checks(), NOW)))
			.isEqualTo("IDENTITY_MISMATCH");
		assertThat(code(card(true).activateFinancial(ICBC_TELLER, ID, NAME, "111111", PHONE, PINS, checks(), NOW))).isEqualTo("WEAK_PIN");

		Card online = card(true);
		assertThat(online.activateFinancial(WECHAT, ID, NAME, "731946", PHONE, PINS, checks(), NOW)).isEmpty();
		assertThat(view(online).financialAccount().activationChannel()).isEqualTo(Channel.WECHAT);
		assertThat(view(online).socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(code(online.activateFinancial(WECHAT, ID, NAME, "731946", PHONE, PINS, checks(), NOW))).isEqualTo("ALREADY_ACTIVE");
		assertThat(online.pullEvents()).extracting(CardEvent::part).containsExactly(CardPart.FINANCIAL, CardPart.FINANCIAL);
	}

	@Test
	void bothAccountsAtOnceOrNeither() {
		Card card = card(true);

		assertThat(card.activateBoth(ICBC_TELLER, ID, NAME, "123456", "802514", "111111", PHONE, PINS, checks(), NOW)
			.map(Rejection::code)).contains(ErrorCode.WEAK_PIN);
		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(card.pullEvents()).singleElement().satisfies((e) -> assertThat(e.part()).isEqualTo(CardPart.FINANCIAL));

		assertThat(card.activateBoth(ICBC_TELLER, ID, NAME, "123456", "802514", "731946", PHONE, PINS, checks(), NOW)).isEmpty();
		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(view(card).financialAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(card.pullEvents()).extracting(CardEvent::part)
			.containsExactly(CardPart.SOCIAL_SECURITY, CardPart.FINANCIAL);
	}

	@Test
	void eachRefusalOfTheCombinedCallNamesTheAccountItConcerns() {
		assertThat(refusedPart(ICBC_TELLER_ELSEWHERE, NAME, "123456")).isEqualTo(CardPart.SOCIAL_SECURITY);
		assertThat(refusedPart(CCB_TELLER, NAME, "123456")).isEqualTo(CardPart.FINANCIAL);
		assertThat(refusedPart(ICBC_TELLER, "王芳", "123456")).isEqualTo(CardPart.CARD);
		assertThat(refusedPart(ICBC_TELLER, NAME, "000000")).isEqualTo(CardPart.SOCIAL_SECURITY);
	}

	static CardPart refusedPart(ServicePoint by, String name, String currentPin) {
		Card card = card(true);
		assertThat(card.activateBoth(by, ID, name, currentPin, "802514", "731946", PHONE, PINS, checks(), NOW)).isPresent();
		return card.pullEvents().get(0).part();
	}

	@Test
	void aResetNeedsAnActivatedAccountAndUnlocksIt() {
		Card card = card(true);
		assertThat(code(card.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", null, PINS, checks(), NOW))).isEqualTo("NOT_ACTIVE");
		for (int i = 0; i < 3; i++) {
			activateSocialSecurity(card, HOSPITAL, "000000", "802514");
		}
		card.pullEvents();

		assertThat(code(card.resetSocialSecurityPin(HOSPITAL, ID, "王芳", "135790", PHONE, PINS, checks(), NOW)))
			.isEqualTo("IDENTITY_MISMATCH");
		assertThat(card.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", PHONE, PINS, checks(), NOW)).isEmpty();

		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(view(card).socialSecurityAccount().activatedAtBranch()).isEqualTo("SZ-HOSP");
		assertThat(card.pullEvents()).extracting(CardEvent::getClass)
			.containsExactly(RequestRejected.class, AccountActivated.class, PinReset.class);
		assertThat(code(card.resetFinancialPin(ICBC_TELLER, ID, NAME, "135790", null, PINS, checks(), NOW))).isEqualTo("NOT_ACTIVE");
		assertThat(code(card.resetFinancialPin(CCB_TELLER, ID, NAME, "135790", null, PINS, checks(), NOW))).isEqualTo("WRONG_BANK");
	}

	@Test
	void whoMayReadTheCard() {
		Card card = card(true);

		assertThat(card.isReadableBy(ServicePoint.admin("admin"))).isTrue();
		assertThat(card.isReadableBy(HOSPITAL)).isTrue();
		assertThat(card.isReadableBy(ICBC_TELLER_ELSEWHERE)).as("a teller of the card's bank elsewhere").isTrue();
		assertThat(card.isReadableBy(HALL_ELSEWHERE)).isFalse();
		assertThat(card.isReadableBy(WECHAT)).isFalse();
		assertThat(card(false).isReadableBy(ICBC_TELLER_ELSEWHERE)).isFalse();
	}

	static Card activeCard() {
		Card card = card(true);
		assertThat(activateSocialSecurity(card, HOSPITAL, "123456", "802514")).isEmpty();
		card.pullEvents();
		return card;
	}

	static Card lockedCard(Card card, String pin) {
		for (int i = 0; i < 3; i++) {
			card.verifySocialSecurityPin(HOSPITAL, "000000", PINS, NOW);
		}
		card.pullEvents();
		return card;
	}

	static final Duration FIFTEEN_DAYS = Duration.ofDays(15);

	static final ServicePoint HALL = ServicePoint.operator("hall", Role.SERVICE_WINDOW, "SZ-HALL", BranchKind.SERVICE_HALL,
			"440304", null);

	static final ServicePoint ICBC_APP = ServicePoint.channelClient("icbc-app", Channel.MOBILE_BANKING, "ICBC");

	static final ServicePoint ADMIN = ServicePoint.admin("admin");

	static Optional<Rejection> report(Card card, ServicePoint by, LossKind kind) {
		return card.reportLoss(by, kind, ID, NAME, FIFTEEN_DAYS, checks(), NOW);
	}

	static Optional<Rejection> replace(Card card, ReplacementReason reason) {
		return card.replace(ADMIN, "A10000009", reason, () -> null, NOW);
	}

	static Card inState(CardStatus status) {
		Card card = card(true);
		switch (status) {
			case TEMPORARILY_LOST -> report(card, WECHAT, LossKind.TEMPORARY);
			case LOST -> report(card, HALL, LossKind.FORMAL);
			case REPLACED -> replace(card, ReplacementReason.DAMAGED);
			case CANCELLED -> card.cancel(ADMIN, CancellationReason.DECEASED, null, NOW);
			default -> {
			}
		}
		assertThat(card.status()).isEqualTo(status);
		card.pullEvents();
		return card;
	}

	@Test
	void aRightPinIsVerifiedAndStartsTheCountAgain() {
		Card card = activeCard();
		assertThat(code(card.verifySocialSecurityPin(HOSPITAL, "000000", PINS, NOW))).isEqualTo("PIN_MISMATCH");
		assertThat(code(card.verifySocialSecurityPin(HOSPITAL, "000000", PINS, NOW))).isEqualTo("PIN_MISMATCH");

		assertThat(card.verifySocialSecurityPin(HOSPITAL, "802514", PINS, NOW)).isEmpty();

		assertThat(card.pullEvents()).extracting(CardEvent::getClass)
			.containsExactly(PinMismatchCounted.class, PinMismatchCounted.class, PinVerified.class);
		assertThat(card.verifySocialSecurityPin(HOSPITAL, "000000", PINS, NOW).orElseThrow().properties())
			.as("the count started again").containsEntry("remainingAttempts", 2);
	}

	@Test
	void verificationNeedsAnActiveAccountInTheInsuredCity() {
		assertThat(code(card(false).verifySocialSecurityPin(HOSPITAL, "123456", PINS, NOW))).isEqualTo("NOT_ACTIVE");
		assertThat(code(activeCard().verifySocialSecurityPin(HALL_ELSEWHERE, "802514", PINS, NOW)))
			.isEqualTo("OUTSIDE_INSURED_REGION");
		Card locked = lockedCard(activeCard(), "802514");
		assertThat(view(locked).socialSecurityAccount().status()).isEqualTo(AccountStatus.LOCKED);
		assertThat(code(locked.verifySocialSecurityPin(HOSPITAL, "802514", PINS, NOW))).isEqualTo("ACCOUNT_LOCKED");
	}

	@Test
	void verificationAndActivationShareTheRegionsThreshold() {
		Pins sichuan = new Pins(new PinProperties("dGVzdC1vbmx5LXBpbi1rZXktMDEyMzQ1Njc4OWFiY2RlZg==", "t", Map.of(), 3,
				Map.of("4403", 5)));
		Card card = card(false);
		for (int i = 0; i < 4; i++) {
			assertThat(code(card.activateSocialSecurity(HOSPITAL, "000000", "802514", PHONE, sichuan, NOW)))
				.isEqualTo("PIN_MISMATCH");
		}
		assertThat(code(card.activateSocialSecurity(HOSPITAL, "000000", "802514", PHONE, sichuan, NOW)))
			.isEqualTo("ACCOUNT_LOCKED");
	}

	@Test
	void aKnownPinIsChangedToAnAcceptableNewOne() {
		Card card = activeCard();

		assertThat(code(card.changeSocialSecurityPin(HOSPITAL, "000000", "135790", PINS, NOW))).isEqualTo("PIN_MISMATCH");
		assertThat(code(card.changeSocialSecurityPin(HOSPITAL, "802514", "802514", PINS, NOW))).isEqualTo("PIN_UNCHANGED");
		assertThat(code(card.changeSocialSecurityPin(HOSPITAL, "802514", "123456", PINS, NOW)))
			.isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(code(card.changeSocialSecurityPin(HOSPITAL, "802514", "121012", PINS, NOW))).isEqualTo("WEAK_PIN");
		assertThat(code(card.changeSocialSecurityPin(HALL_ELSEWHERE, "802514", "135790", PINS, NOW)))
			.isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(card.changeSocialSecurityPin(ServicePoint.channelClient("essc", Channel.E_SSC_MINI_PROGRAM, null),
				"802514", "135790", PINS, NOW)).as("online, from any city").isEmpty();

		assertThat(card.verifySocialSecurityPin(HOSPITAL, "135790", PINS, NOW)).isEmpty();
		assertThat(card.pullEvents()).filteredOn(PinChanged.class::isInstance).hasSize(1);
		assertThat(code(card(false).changeSocialSecurityPin(HOSPITAL, "123456", "135790", PINS, NOW)))
			.isEqualTo("NOT_ACTIVE");
	}

	@Test
	void unlockingKeepsThePinAndRestoresTheStateBeforeTheLock() {
		Card wasActive = lockedCard(activeCard(), "802514");
		Card wasSealed = card(false);
		for (int i = 0; i < 3; i++) {
			activateSocialSecurity(wasSealed, HOSPITAL, "000000", "802514");
		}

		assertThat(wasActive.unlockSocialSecurity(HOSPITAL, ID, NAME, checks(), NOW)).isEmpty();
		assertThat(wasSealed.unlockSocialSecurity(HOSPITAL, ID, NAME, checks(), NOW)).isEmpty();

		assertThat(view(wasActive).socialSecurityAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(wasActive.verifySocialSecurityPin(HOSPITAL, "802514", PINS, NOW)).as("the PIN was kept").isEmpty();
		assertThat(view(wasSealed).socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(activateSocialSecurity(wasSealed, HOSPITAL, "123456", "802514")).isEmpty();
		assertThat(code(wasActive.unlockSocialSecurity(HOSPITAL, ID, NAME, checks(), NOW))).isEqualTo("NOT_LOCKED");
		assertThat(wasActive.pullEvents()).filteredOn(AccountUnlocked.class::isInstance).hasSize(1);
	}

	@Test
	void identityMismatchesAreCountedAndPastTheLimitChannelClientsAreRefusedUnchecked() {
		Checks checks = checks();
		for (int i = 0; i < 5; i++) {
			assertThat(code(card(true).activateFinancial(WECHAT, ID, "王芳", "731946", PHONE, PINS, checks, NOW)))
				.isEqualTo("IDENTITY_MISMATCH");
		}

		Card card = card(true);
		Rejection refused = card.activateFinancial(WECHAT, ID, NAME, "731946", PHONE, PINS, checks, NOW).orElseThrow();

		assertThat(refused.code()).isEqualTo(ErrorCode.IDENTITY_CHECKS_EXHAUSTED);
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(checks.mismatches).isEqualTo(5);
		assertThat(card.activateFinancial(ICBC_TELLER, ID, NAME, "731946", PHONE, PINS, checks, NOW))
			.as("staff are not blocked").isEmpty();
		assertThat(code(card(true).activateFinancial(ICBC_TELLER, ID, "王芳", "731946", PHONE, PINS, checks, NOW)))
			.isEqualTo("IDENTITY_MISMATCH");
		assertThat(checks.mismatches).as("but their mismatches count").isEqualTo(6);
	}

	@Test
	void aResetThatActivatesNeedsAPhoneAndRecordsTheActivation() {
		Card card = card(false);
		for (int i = 0; i < 3; i++) {
			activateSocialSecurity(card, HOSPITAL, "000000", "802514");
		}
		card.pullEvents();

		assertThat(code(card.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", null, PINS, checks(), NOW)))
			.isEqualTo("PHONE_REQUIRED");
		assertThat(card.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", PHONE, PINS, checks(), NOW)).isEmpty();

		assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(view(card).holder().phone()).isEqualTo("138****5678");
		assertThat(card.pullEvents()).extracting(CardEvent::getClass)
			.containsExactly(RequestRejected.class, AccountActivated.class, PinReset.class);
		Card active = lockedCard(activeCard(), "802514");
		assertThat(active.resetSocialSecurityPin(HOSPITAL, ID, NAME, "135790", null, PINS, checks(), NOW))
			.as("a phone is optional otherwise").isEmpty();
	}

	@Test
	void aTemporaryReportBlocksTheCardUntilItsPeriodEnds() {
		Card card = card(true);

		assertThat(report(card, WECHAT, LossKind.TEMPORARY)).isEmpty();

		CardView view = view(card);
		assertThat(view.status()).isEqualTo(CardStatus.TEMPORARILY_LOST);
		assertThat(view.lossReportedAt()).isEqualTo(NOW);
		assertThat(view.temporaryLossExpiresAt()).isEqualTo(NOW.plus(FIFTEEN_DAYS));
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(LossReported.class, (e) -> {
			assertThat(e.kind()).isEqualTo(LossKind.TEMPORARY);
			assertThat(e.part()).isEqualTo(CardPart.CARD);
		});
		assertThat(card.lapseTemporaryLoss(NOW.plus(FIFTEEN_DAYS).minusSeconds(1))).isFalse();
		assertThat(card.lapseTemporaryLoss(NOW.plus(FIFTEEN_DAYS))).isTrue();
		assertThat(view(card).status()).isEqualTo(CardStatus.NORMAL);
		assertThat(view(card).lossReportedAt()).isNull();
		assertThat(view(card).temporaryLossExpiresAt()).isNull();
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(LossReleased.class, (e) -> {
			assertThat(e.lapsed()).isTrue();
			assertThat(e.by()).isEqualTo(ServicePoint.SYSTEM);
		});
		assertThat(card.lapseTemporaryLoss(NOW.plus(FIFTEEN_DAYS))).as("only once").isFalse();
	}

	@Test
	void aTemporaryReportIsReleasedInPersonOnlyFromTemporarilyLost() {
		Card card = inState(CardStatus.TEMPORARILY_LOST);

		assertThat(code(card.releaseLoss(HOSPITAL, ID, "王芳", checks(), NOW))).isEqualTo("IDENTITY_MISMATCH");
		assertThat(card.releaseLoss(HOSPITAL, ID, NAME, checks(), NOW)).isEmpty();
		assertThat(card.status()).isEqualTo(CardStatus.NORMAL);
		assertThat(card.pullEvents()).extracting(CardEvent::getClass)
			.containsExactly(RequestRejected.class, LossReleased.class);

		for (CardStatus status : List.of(CardStatus.NORMAL, CardStatus.LOST, CardStatus.REPLACED, CardStatus.CANCELLED)) {
			Rejection refused = inState(status).releaseLoss(HOSPITAL, ID, NAME, checks(), NOW).orElseThrow();
			assertThat(refused.code()).isEqualTo(ErrorCode.CARD_BLOCKED);
			assertThat(refused.properties()).containsEntry("cardStatus", status.name());
		}
	}

	@Test
	void aFormalReportFollowsATemporaryOneAndKeepsWhenTheLossWasFirstReported() {
		Card card = inState(CardStatus.TEMPORARILY_LOST);

		assertThat(card.reportLoss(HALL, LossKind.FORMAL, ID, NAME, FIFTEEN_DAYS, checks(), NOW.plusSeconds(60))).isEmpty();

		assertThat(view(card).status()).isEqualTo(CardStatus.LOST);
		assertThat(view(card).lossReportedAt()).isEqualTo(NOW);
		assertThat(view(card).temporaryLossExpiresAt()).isNull();
		assertThat(card.lapseTemporaryLoss(NOW.plus(Duration.ofDays(30)))).isFalse();
		assertThat(code(report(card, HALL, LossKind.FORMAL))).isEqualTo("CARD_BLOCKED");
		assertThat(code(report(card, WECHAT, LossKind.TEMPORARY))).isEqualTo("CARD_BLOCKED");
		assertThat(code(report(inState(CardStatus.TEMPORARILY_LOST), WECHAT, LossKind.TEMPORARY))).isEqualTo("CARD_BLOCKED");
	}

	@Test
	void aLossReportChecksTheBankAppThenTheStateThenTheIdentity() {
		assertThat(code(card(true).reportLoss(CCB_APP, LossKind.TEMPORARY, ID, "王芳", FIFTEEN_DAYS, checks(), NOW)))
			.isEqualTo("WRONG_BANK");
		assertThat(code(card(false).reportLoss(ICBC_APP, LossKind.TEMPORARY, ID, NAME, FIFTEEN_DAYS, checks(), NOW)))
			.isEqualTo("WRONG_BANK");
		assertThat(code(inState(CardStatus.LOST).reportLoss(ICBC_APP, LossKind.TEMPORARY, ID, "王芳", FIFTEEN_DAYS, checks(), NOW)))
			.isEqualTo("CARD_BLOCKED");
		assertThat(code(card(true).reportLoss(ICBC_APP, LossKind.TEMPORARY, ID, "王芳", FIFTEEN_DAYS, checks(), NOW)))
			.isEqualTo("IDENTITY_MISMATCH");
		assertThat(card(true).reportLoss(ICBC_APP, LossKind.TEMPORARY, ID, NAME, FIFTEEN_DAYS, checks(), NOW)).isEmpty();
		assertThat(card(true).reportLoss(CCB_TELLER, LossKind.TEMPORARY, ID, NAME, FIFTEEN_DAYS, checks(), NOW))
			.as("a teller of another bank who may read the card").isEmpty();
	}

	@Test
	void whileTheCardIsNotNormalEveryActivationResetAndPinServiceIsBlocked() {
		for (CardStatus status : List.of(CardStatus.TEMPORARILY_LOST, CardStatus.LOST, CardStatus.REPLACED,
				CardStatus.CANCELLED)) {
			Card card = inState(status);
			List<Optional<Rejection>> answers = List.of(activateSocialSecurity(card, HOSPITAL, "123456", "802514"),
					card.activateFinancial(WECHAT, ID, NAME, "731946", PHONE, PINS, checks(), NOW),
					card.activateBoth(ICBC_TELLER, ID, NAME, "123456", "802514", "731946", PHONE, PINS, checks(), NOW),
					card.resetSocialSecurityPin(HALL, ID, NAME, "802514", PHONE, PINS, checks(), NOW),
					card.resetFinancialPin(ICBC_TELLER, ID, NAME, "802514", PHONE, PINS, checks(), NOW),
					card.verifySocialSecurityPin(HOSPITAL, "123456", PINS, NOW),
					card.changeSocialSecurityPin(HOSPITAL, "123456", "802514", PINS, NOW),
					card.unlockSocialSecurity(HALL, ID, NAME, checks(), NOW));
			assertThat(answers).allSatisfy((answer) -> {
				assertThat(code(answer)).isEqualTo("CARD_BLOCKED");
				assertThat(answer.orElseThrow().properties()).containsEntry("cardStatus", status.name());
			});
			assertThat(code(activateSocialSecurity(card, HALL_ELSEWHERE, "123456", "802514")))
				.as("the place comes first").isEqualTo("OUTSIDE_INSURED_REGION");
		}
	}

	@Test
	void aReplacementClosesTheAccountsAndNamesTheNewCard() {
		Card card = inState(CardStatus.LOST);

		assertThat(replace(card, ReplacementReason.LOST)).isEmpty();

		CardView view = view(card);
		assertThat(view.status()).isEqualTo(CardStatus.REPLACED);
		assertThat(view.replacedBy()).isEqualTo("A10000009");
		assertThat(view.socialSecurityAccount().status()).isEqualTo(AccountStatus.CLOSED);
		assertThat(view.financialAccount().status()).isEqualTo(AccountStatus.CLOSED);
		assertThat(view.lossReportedAt()).as("null unless lost").isNull();
		assertThat(card.pullEvents()).singleElement().isInstanceOfSatisfying(CardReplaced.class, (e) -> {
			assertThat(e.newCardNumber()).isEqualTo("A10000009");
			assertThat(e.reason()).isEqualTo(ReplacementReason.LOST);
		});

		Card next = Card.issueReplacement(card, "A10000009", PINS.hash("123456"), null, null, ADMIN, NOW);
		assertThat(next.view().replacementFor()).isEqualTo("A10000001");
		assertThat(next.view().insuredRegionCode()).isEqualTo("440305");
		assertThat(next.view().socialSecurityAccount().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
		assertThat(next.view().financialAccount()).isNull();
		assertThat(next.pullEvents()).singleElement().isInstanceOf(CardIssued.class);
	}

	@Test
	void whichStatesMayBeReplaced() {
		assertThat(replace(inState(CardStatus.NORMAL), ReplacementReason.DAMAGED)).isEmpty();
		assertThat(replace(inState(CardStatus.TEMPORARILY_LOST), ReplacementReason.EXPIRED)).isEmpty();
		assertThat(replace(inState(CardStatus.LOST), ReplacementReason.BANK_CHANGED)).isEmpty();
		assertThat(code(replace(inState(CardStatus.NORMAL), ReplacementReason.LOST))).as("LOST needs a formal report")
			.isEqualTo("CARD_BLOCKED");
		assertThat(code(replace(inState(CardStatus.TEMPORARILY_LOST), ReplacementReason.LOST))).isEqualTo("CARD_BLOCKED");
		assertThat(code(replace(inState(CardStatus.REPLACED), ReplacementReason.DAMAGED))).isEqualTo("CARD_BLOCKED");
		assertThat(code(replace(inState(CardStatus.CANCELLED), ReplacementReason.DAMAGED))).isEqualTo("CARD_BLOCKED");

		Card card = inState(CardStatus.NORMAL);
		assertThat(code(card.replace(ADMIN, "A10000009", ReplacementReason.DAMAGED,
				() -> Rejection.of(ErrorCode.DUPLICATE, "taken"), NOW))).as("the new card's check comes after the state")
			.isEqualTo("DUPLICATE");
		assertThat(card.status()).isEqualTo(CardStatus.NORMAL);
		assertThat(card.pullEvents()).singleElement().isInstanceOf(RequestRejected.class);
	}

	@Test
	void aCancellationIsFinalAndClosesTheAccounts() {
		for (CardStatus status : List.of(CardStatus.NORMAL, CardStatus.TEMPORARILY_LOST, CardStatus.LOST)) {
			Card card = inState(status);
			assertThat(card.cancel(ADMIN, CancellationReason.EMIGRATED, "moved abroad", NOW)).isEmpty();
			assertThat(view(card).status()).isEqualTo(CardStatus.CANCELLED);
			assertThat(view(card).temporaryLossExpiresAt()).isNull();
			assertThat(view(card).socialSecurityAccount().status()).isEqualTo(AccountStatus.CLOSED);
			assertThat(view(card).financialAccount().status()).isEqualTo(AccountStatus.CLOSED);
			assertThat(card.pullEvents()).singleElement().isInstanceOf(CardCancelled.class);
		}
		assertThat(code(inState(CardStatus.CANCELLED).cancel(ADMIN, CancellationReason.DECEASED, null, NOW)))
			.isEqualTo("CARD_BLOCKED");
		assertThat(code(inState(CardStatus.REPLACED).cancel(ADMIN, CancellationReason.DECEASED, null, NOW)))
			.isEqualTo("CARD_BLOCKED");
	}

	@Test
	void aServiceHallCancelsOnlyInTheInsuredCity() {
		ServicePoint hallElsewhere = HALL_ELSEWHERE;

		assertThat(code(inState(CardStatus.CANCELLED).cancel(hallElsewhere, CancellationReason.DECEASED, null, NOW)))
			.as("the place comes before the state").isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(inState(CardStatus.NORMAL).cancel(HALL, CancellationReason.TRANSFERRED_OUT, null, NOW)).isEmpty();
	}

	@Test
	void theStatusEnquiryNeedsTheHolderAndAnswersAnyStatus() {
		assertThat(inState(CardStatus.CANCELLED).checkStatusEnquiry(WECHAT, ID, NAME, checks(), NOW)).isEmpty();
		assertThat(code(card(true).checkStatusEnquiry(WECHAT, ID, "王芳", checks(), NOW))).isEqualTo("IDENTITY_MISMATCH");
		assertThat(code(card(true).checkStatusEnquiry(CCB_APP, ID, NAME, checks(), NOW))).isEqualTo("WRONG_BANK");
	}

}
