package org.sscard.card;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The card lifecycle of the contract over HTTP: every transition and every refusal. */
class CardLifecycleTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String GUANGZHOU = "440106";

	static Map<String, Object> identity(TestCard card) {
		return Map.of("idNumber", card.idNumber(), "holderName", card.name());
	}

	static Map<String, Object> loss(TestCard card, String kind) {
		return Map.of("kind", kind, "idNumber", card.idNumber(), "holderName", card.name());
	}

	Response report(TestCard card, String token, String kind) {
		return this.api.post(card.path("/loss-report"), token, loss(card, kind));
	}

	Response release(TestCard card, String token) {
		return this.api.post(card.path("/loss-report/release"), token, identity(card));
	}

	Response replace(TestCard card, String newCardNumber, String reason, Map<String, Object> financialAccount) {
		Map<String, Object> body = new HashMap<>();
		body.put("newCardNumber", newCardNumber);
		body.put("reason", reason);
		body.put("financialAccount", financialAccount);
		return this.api.post("/api/v1/admin/cards/" + card.cardNumber() + "/replacement", this.given.adminToken(), body);
	}

	Response cancel(TestCard card, String token, String reason) {
		return this.api.post(card.path("/cancellation"), token, Map.of("reason", reason, "note", "by the test"));
	}

	String cardStatus(TestCard card) {
		return this.jdbc.queryForObject("select status from cards where card_number = ?", String.class,
				card.cardNumber());
	}

	TestCard lost(TestCard card) {
		assertThat(report(card, this.given.window("SERVICE_HALL", card.regionCode()), "FORMAL").status()).isEqualTo(200);
		return card;
	}

	static void assertBlocked(Response response, String cardStatus) {
		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("CARD_BLOCKED");
		assertThat(response.text("/cardStatus")).isEqualTo(cardStatus);
	}

	static TestCard sameHolder(TestCard card, String bankCode) {
		TestCard fresh = Fixtures.newCard(card.regionCode(), bankCode);
		return new TestCard(fresh.cardNumber(), card.idNumber(), card.name(), card.regionCode(), bankCode,
				fresh.accountNumber());
	}

	// Loss reports

	@Test
	void theHolderReportsTheCardLostTemporarilyOnline() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		Instant before = Instant.now();

		Response response = report(card, this.given.client("WECHAT", null), "TEMPORARY");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/status")).isEqualTo("TEMPORARILY_LOST");
		assertThat(Instant.parse(response.text("/lossReportedAt"))).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(Instant.parse(response.text("/temporaryLossExpiresAt")))
			.isCloseTo(before.plus(Duration.ofDays(15)), within(Duration.ofMinutes(1)));
		Response event = this.api.get(card.path("/events"), this.given.adminToken());
		assertThat(event.text("/0/action")).isEqualTo("LOSS_REPORTED");
		assertThat(event.text("/0/account")).isEqualTo("CARD");
		assertThat(event.text("/0/channel")).isEqualTo("WECHAT");
	}

	@Test
	void staffWhoMayReadTheCardAndTheCardsOwnBankAppReportTemporarily() {
		assertThat(report(this.given.card(SHENZHEN, null), this.given.window("HOSPITAL", SHENZHEN), "TEMPORARY").status())
			.isEqualTo(200);
		assertThat(report(this.given.card(SHENZHEN, "ICBC"), this.given.teller(GUANGZHOU, "ICBC"), "TEMPORARY").status())
			.as("a teller of the card's bank in another city").isEqualTo(200);
		assertThat(report(this.given.card(SHENZHEN, "ICBC"), this.given.client("MOBILE_BANKING", "ICBC"), "TEMPORARY")
			.status()).isEqualTo(200);
		assertThat(report(this.given.card(SHENZHEN, null), this.given.client("ALIPAY", null), "TEMPORARY").status())
			.isEqualTo(200);
		assertThat(report(this.given.card(SHENZHEN, null), this.given.client("E_SSC_MINI_PROGRAM", null), "TEMPORARY")
			.status()).isEqualTo(200);
	}

	@Test
	void anotherBanksAppGetsWrongBankAndStaffOutsideTheReadScopeAreSentToTheInsuredCity() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response app = report(card, this.given.client("MOBILE_BANKING", "CCB"), "TEMPORARY");
		Response elsewhere = report(card, this.given.window("HOSPITAL", GUANGZHOU), "TEMPORARY");

		assertThat(app.status()).isEqualTo(422);
		assertThat(app.code()).isEqualTo("WRONG_BANK");
		assertThat(elsewhere.status()).isEqualTo(422);
		assertThat(elsewhere.code()).isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(elsewhere.text("/insuredRegionCode")).isEqualTo(SHENZHEN);
		assertThat(events(card, "REJECTED")).as("both refusals are on file").isEqualTo(2);
		assertThat(cardStatus(card)).isEqualTo("NORMAL");
	}

	@Test
	void aFormalReportIsMadeAtAServiceHallOrABankCounter() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response hospital = report(card, this.given.window("HOSPITAL", SHENZHEN), "FORMAL");
		Response online = report(card, this.given.client("WECHAT", null), "FORMAL");
		Response admin = report(card, this.given.adminToken(), "FORMAL");
		Response hall = report(card, this.given.window("SERVICE_HALL", SHENZHEN), "FORMAL");

		assertThat(List.of(hospital.status(), online.status(), admin.status())).containsOnly(403);
		assertThat(hospital.code()).isEqualTo("FORBIDDEN");
		assertThat(hall.status()).isEqualTo(200);
		assertThat(hall.text("/status")).isEqualTo("LOST");
		assertThat(hall.json().get("temporaryLossExpiresAt").isNull()).isTrue();
		assertThat(hall.json().get("lossReportedAt").isNull()).isFalse();
		assertThat(report(this.given.card(SHENZHEN, "ICBC"), this.given.teller(GUANGZHOU, "ICBC"), "FORMAL").status())
			.as("a teller who may read the card").isEqualTo(200);
	}

	@Test
	void aFormalReportFollowsATemporaryOneButNothingFollowsAFormalOne() {
		TestCard card = this.given.card(SHENZHEN, null);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);
		String temporaryReportedAt = report(card, this.given.client("WECHAT", null), "TEMPORARY").text("/lossReportedAt");

		Response formal = report(card, hall, "FORMAL");

		assertThat(formal.text("/status")).isEqualTo("LOST");
		assertThat(formal.text("/lossReportedAt")).isEqualTo(temporaryReportedAt);
		assertBlocked(report(card, hall, "FORMAL"), "LOST");
		assertBlocked(report(card, hall, "TEMPORARY"), "LOST");
		assertBlocked(release(card, hall), "LOST");
	}

	@Test
	void aSecondTemporaryReportIsAnIllegalTransition() {
		TestCard card = this.given.card(SHENZHEN, null);
		String wechat = this.given.client("WECHAT", null);
		report(card, wechat, "TEMPORARY");

		assertBlocked(report(card, wechat, "TEMPORARY"), "TEMPORARILY_LOST");
		assertThat(this.api.get(card.path("/events"), this.given.adminToken()).text("/0/code")).isEqualTo("CARD_BLOCKED");
	}

	@Test
	void aWrongIdentityIsRefusedAndRecorded() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response response = this.api.post(card.path("/loss-report"), this.given.client("WECHAT", null),
				Map.of("kind", "TEMPORARY", "idNumber", card.idNumber(), "holderName", "别人"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(cardStatus(card)).isEqualTo("NORMAL");
		assertThat(events(card, "REJECTED")).isEqualTo(1);
	}

	@Test
	void aMalformedReportIsRefusedBeforeTheCardIsLookedAt() {
		TestCard card = this.given.card(SHENZHEN, null);
		String wechat = this.given.client("WECHAT", null);

		Response kind = this.api.post(card.path("/loss-report"), wechat,
				Map.of("kind", "FOREVER", "idNumber", card.idNumber(), "holderName", card.name()));
		Response missing = this.api.post("/api/v1/cards/Z99999999/loss-report", wechat,
				Map.of("idNumber", card.idNumber(), "holderName", card.name()));
		Response unknown = report(Fixtures.newCard(SHENZHEN, null), wechat, "TEMPORARY");

		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.text("/errors/0/field")).isEqualTo("kind");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("CARD_NOT_FOUND");
	}

	@Test
	void whileTheCardIsLostEveryActivationAndResetIsBlocked() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		report(card, this.given.client("WECHAT", null), "TEMPORARY");
		String teller = this.given.teller(SHENZHEN, "ICBC");

		assertBlocked(this.api.post(card.path("/social-security-account/activation"), this.given.window("HOSPITAL", SHENZHEN),
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678")), "TEMPORARILY_LOST");
		assertBlocked(this.api.post(card.path("/financial-account/activation"), teller,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone", "13812345678", "newPin", "731946")),
				"TEMPORARILY_LOST");
		assertBlocked(this.api.post(card.path("/activation"), teller, Map.of("idNumber", card.idNumber(), "holderName",
				card.name(), "phone", "13812345678", "currentPin", "123456", "socialSecurityPin", "802514", "financialPin",
				"731946")), "TEMPORARILY_LOST");
		assertBlocked(this.api.post(card.path("/social-security-account/pin-reset"), teller,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "802514")), "TEMPORARILY_LOST");
		assertBlocked(this.api.post(card.path("/financial-account/pin-reset"), teller,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "802514")), "TEMPORARILY_LOST");
		Response elsewhere = this.api.post(card.path("/social-security-account/activation"),
				this.given.window("HOSPITAL", GUANGZHOU), Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"));
		assertThat(elsewhere.code()).as("the place is checked before the card's state").isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");
		assertThat(events(card, "REJECTED")).isEqualTo(6);
	}

	// Release and lapse

	@Test
	void staffReleaseATemporaryReportInPerson() {
		TestCard card = this.given.card(SHENZHEN, null);
		report(card, this.given.client("WECHAT", null), "TEMPORARY");

		Response response = release(card, this.given.window("PHARMACY", SHENZHEN));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/status")).isEqualTo("NORMAL");
		assertThat(response.json().get("lossReportedAt").isNull()).isTrue();
		assertThat(response.json().get("temporaryLossExpiresAt").isNull()).isTrue();
		assertThat(this.api.get(card.path("/events"), this.given.adminToken()).text("/0/action")).isEqualTo("LOSS_RELEASED");
		assertBlocked(release(card, this.given.window("PHARMACY", SHENZHEN)), "NORMAL");
	}

	@Test
	void aReleaseNeedsStaffWhoMayReadTheCardAndTheHolder() {
		TestCard card = this.given.card(SHENZHEN, null);
		report(card, this.given.client("WECHAT", null), "TEMPORARY");

		Response online = release(card, this.given.client("WECHAT", null));
		Response elsewhere = release(card, this.given.window("SERVICE_HALL", GUANGZHOU));
		Response wrongHolder = this.api.post(card.path("/loss-report/release"), this.given.adminToken(),
				Map.of("idNumber", card.idNumber(), "holderName", "别人"));

		assertThat(online.status()).isEqualTo(403);
		assertThat(elsewhere.code()).isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(wrongHolder.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(cardStatus(card)).isEqualTo("TEMPORARILY_LOST");
	}

	@Test
	void aTemporaryReportLapsesByItselfAfterTheRegionsPeriod() throws InterruptedException {
		TestCard card = this.given.card("650102", null);
		Response reported = report(card, this.given.client("WECHAT", null), "TEMPORARY");
		assertThat(Duration.between(Instant.parse(reported.text("/lossReportedAt")),
				Instant.parse(reported.text("/temporaryLossExpiresAt")))).isEqualTo(Duration.ofSeconds(1));

		Instant deadline = Instant.now().plusSeconds(15);
		while (!cardStatus(card).equals("NORMAL") && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}

		assertThat(cardStatus(card)).isEqualTo("NORMAL");
		Response events = this.api.get(card.path("/events"), this.given.adminToken());
		assertThat(events.text("/0/action")).isEqualTo("LOSS_RELEASED");
		assertThat(events.text("/0/actor")).isEqualTo("system");
		assertThat(events(card, "LOSS_RELEASED")).isEqualTo(1);
	}

	@Test
	void theLongestRegionPrefixSetsThePeriod() {
		String wechat = this.given.client("WECHAT", null);
		Response province = report(this.given.card("650205", null), wechat, "TEMPORARY");
		Response otherCity = report(this.given.card("654002", null), wechat, "TEMPORARY");

		assertThat(period(province)).isEqualTo(Duration.ofHours(1));
		assertThat(period(otherCity)).isEqualTo(Duration.ofDays(7));
	}

	static Duration period(Response view) {
		return Duration.between(Instant.parse(view.text("/lossReportedAt")), Instant.parse(view.text("/temporaryLossExpiresAt")));
	}

	// Replacement

	@Test
	void aLostCardIsReplacedByASealedNewCardOfTheSameHolder() {
		TestCard old = lost(this.given.card(SHENZHEN, "ICBC"));
		TestCard next = Fixtures.newCard(SHENZHEN, "CCB");

		Response response = replace(old, next.cardNumber(), "LOST",
				Map.of("bankCode", "CCB", "accountNumber", next.accountNumber()));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.text("/cardNumber")).isEqualTo(next.cardNumber());
		assertThat(response.text("/status")).isEqualTo("NORMAL");
		assertThat(response.text("/replacementFor")).isEqualTo(old.cardNumber());
		assertThat(response.text("/insuredRegionCode")).isEqualTo(SHENZHEN);
		assertThat(response.text("/holder/idNumber")).isEqualTo(old.idNumber().substring(0, 4) + "**********"
				+ old.idNumber().substring(14));
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(response.text("/financialAccount/bankCode")).isEqualTo("CCB");
		assertThat(response.text("/financialAccount/status")).isEqualTo("PENDING_ACTIVATION");

		Response oldView = this.api.get(old.path(""), this.given.adminToken());
		assertThat(oldView.text("/status")).isEqualTo("REPLACED");
		assertThat(oldView.text("/replacedBy")).isEqualTo(next.cardNumber());
		assertThat(oldView.text("/socialSecurityAccount/status")).isEqualTo("CLOSED");
		assertThat(oldView.text("/financialAccount/status")).isEqualTo("CLOSED");
		assertThat(this.api.get(old.path("/events"), this.given.adminToken()).text("/0/action")).isEqualTo("REPLACED");
		TestCard nextCard = new TestCard(next.cardNumber(), old.idNumber(), old.name(), SHENZHEN, "CCB", next.accountNumber());
		assertThat(events(nextCard, "CARD_ISSUED")).isEqualTo(1);

		Response activation = this.api.post(nextCard.path("/social-security-account/activation"),
				this.given.window("HOSPITAL", SHENZHEN), Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"));
		assertThat(activation.status()).as("the new card is sealed under 123456").isEqualTo(200);
		assertBlocked(this.api.post(old.path("/social-security-account/pin-reset"), this.given.window("SERVICE_HALL", SHENZHEN),
				Map.of("idNumber", old.idNumber(), "holderName", old.name(), "newPin", "802514")), "REPLACED");
	}

	@Test
	void aDamagedCardIsReplacedFromNormalWithoutABankAccount() {
		TestCard old = this.given.card(SHENZHEN, "ICBC");

		Response response = replace(old, Fixtures.newCard(SHENZHEN, null).cardNumber(), "DAMAGED", null);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("financialAccount").isNull()).isTrue();
		assertBlocked(replace(old, Fixtures.newCard(SHENZHEN, null).cardNumber(), "DAMAGED", null), "REPLACED");
	}

	@Test
	void aReplacementForLossNeedsTheCardFormallyReportedLost() {
		TestCard card = this.given.card(SHENZHEN, null);

		assertBlocked(replace(card, Fixtures.newCard(SHENZHEN, null).cardNumber(), "LOST", null), "NORMAL");
		report(card, this.given.client("WECHAT", null), "TEMPORARY");
		assertBlocked(replace(card, Fixtures.newCard(SHENZHEN, null).cardNumber(), "LOST", null), "TEMPORARILY_LOST");
		assertThat(replace(card, Fixtures.newCard(SHENZHEN, null).cardNumber(), "EXPIRED", null).status())
			.as("another reason from TEMPORARILY_LOST").isEqualTo(201);
	}

	@Test
	void theNewCardFollowsTheRulesOfIssuing() {
		TestCard old = this.given.card(SHENZHEN, "ICBC");
		TestCard other = this.given.card(SHENZHEN, "ICBC");
		String fresh = Fixtures.newCard(SHENZHEN, null).cardNumber();

		Response takenNumber = replace(old, other.cardNumber(), "DAMAGED", null);
		Response takenAccount = replace(old, fresh, "DAMAGED", Map.of("bankCode", "ICBC", "accountNumber", other.accountNumber()));
		Response credit = replace(old, fresh, "DAMAGED", Map.of("bankCode", "ICBC", "accountNumber",
				Fixtures.newCard(SHENZHEN, "ICBC").accountNumber(), "type", "CREDIT"));
		Response luhn = replace(old, fresh, "DAMAGED", Map.of("bankCode", "ICBC", "accountNumber", "6222024000000000015"));
		Response reason = replace(old, fresh, "STOLEN", null);

		assertThat(takenNumber.code()).isEqualTo("DUPLICATE");
		assertThat(takenAccount.code()).isEqualTo("DUPLICATE");
		assertThat(credit.code()).isEqualTo("CREDIT_NOT_SUPPORTED");
		assertThat(luhn.status()).isEqualTo(400);
		assertThat(reason.status()).isEqualTo(400);
		assertThat(cardStatus(old)).isEqualTo("NORMAL");
		assertThat(financialStatus(old)).isEqualTo("PENDING_ACTIVATION");
		assertThat(events(old, "REJECTED")).isEqualTo(3);
	}

	@Test
	void onlyAnAdminReplacesAndAnUnknownCardIsNotFound() {
		TestCard card = this.given.card(SHENZHEN, null);
		Map<String, Object> body = Map.of("newCardNumber", Fixtures.newCard(SHENZHEN, null).cardNumber(), "reason", "DAMAGED");

		Response teller = this.api.post("/api/v1/admin/cards/" + card.cardNumber() + "/replacement",
				this.given.teller(SHENZHEN, "ICBC"), body);
		Response unknown = replace(Fixtures.newCard(SHENZHEN, null), Fixtures.newCard(SHENZHEN, null).cardNumber(),
				"DAMAGED", null);

		assertThat(teller.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("CARD_NOT_FOUND");
	}

	// Cancellation

	@Test
	void anAdminCancelsACardForGood() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = cancel(card, this.given.adminToken(), "DECEASED");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/status")).isEqualTo("CANCELLED");
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("CLOSED");
		assertThat(response.text("/financialAccount/status")).isEqualTo("CLOSED");
		assertThat(this.api.get(card.path("/events"), this.given.adminToken()).text("/0/action")).isEqualTo("CANCELLED");
		assertBlocked(cancel(card, this.given.adminToken(), "DECEASED"), "CANCELLED");
		assertBlocked(report(card, this.given.client("WECHAT", null), "TEMPORARY"), "CANCELLED");
		assertBlocked(replace(card, Fixtures.newCard(SHENZHEN, null).cardNumber(), "DAMAGED", null), "CANCELLED");
	}

	@Test
	void aServiceHallCancelsInTheInsuredCityOnly() {
		TestCard card = this.given.card(SHENZHEN, null);
		report(card, this.given.client("WECHAT", null), "TEMPORARY");

		Response elsewhere = cancel(card, this.given.window("SERVICE_HALL", GUANGZHOU), "EMIGRATED");
		Response hospital = cancel(card, this.given.window("HOSPITAL", SHENZHEN), "EMIGRATED");
		Response teller = cancel(card, this.given.teller(SHENZHEN, "ICBC"), "EMIGRATED");
		Response online = cancel(card, this.given.client("WECHAT", null), "EMIGRATED");
		Response hall = cancel(card, this.given.window("SERVICE_HALL", "440304"), "TRANSFERRED_OUT");

		assertThat(elsewhere.status()).isEqualTo(422);
		assertThat(elsewhere.code()).isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(List.of(hospital.status(), teller.status(), online.status())).containsOnly(403);
		assertThat(hall.status()).isEqualTo(200);
		assertThat(hall.text("/status")).isEqualTo("CANCELLED");
		assertThat(hall.json().get("temporaryLossExpiresAt").isNull()).isTrue();
	}

	@Test
	void aReplacedCardIsNotCancelled() {
		TestCard card = this.given.card(SHENZHEN, null);
		replace(card, Fixtures.newCard(SHENZHEN, null).cardNumber(), "DAMAGED", null);

		assertBlocked(cancel(card, this.given.adminToken(), "DECEASED"), "REPLACED");
	}

	// One person, one card

	@Test
	void aHolderHasOneLiveCard() {
		TestCard card = this.given.card(SHENZHEN, null);
		TestCard second = sameHolder(card, null);
		TestCard otherName = new TestCard(Fixtures.newCard(SHENZHEN, null).cardNumber(), card.idNumber(), "另一个人",
				SHENZHEN, null, null);

		Response refused = this.api.post("/api/v1/admin/cards", this.given.adminToken(), second.issueRequest());
		Response mismatch = this.api.post("/api/v1/admin/cards", this.given.adminToken(), otherName.issueRequest());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("HOLDER_HAS_CARD");
		assertThat(mismatch.code()).as("another name is refused first").isEqualTo("IDENTITY_MISMATCH");
		cancel(card, this.given.adminToken(), "HOLDER_REQUEST");
		assertThat(this.api.post("/api/v1/admin/cards", this.given.adminToken(), second.issueRequest()).status())
			.as("once the card is cancelled").isEqualTo(201);
	}

	@Test
	void theDatabaseRefusesASecondLiveCardWhateverWritesIt() {
		TestCard card = this.given.card(SHENZHEN, null);

		assertThat(this.jdbc.queryForObject("select count(*) from pg_indexes where indexname = "
				+ "'cards_one_live_card_per_holder_uk'", Integer.class)).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.update("insert into cards (card_number, holder_id, "
				+ "insured_region_code, status, issued_at) select 'X' || substr(card_number, 2), holder_id, insured_region_code, "
				+ "'NORMAL', now() from cards where card_number = ?", card.cardNumber()))
			.hasMessageContaining("cards_one_live_card_per_holder_uk");
	}

	// Look-ups

	@Test
	void staffFindAHoldersCardsByIdNumberNewestFirst() {
		TestCard old = this.given.card(SHENZHEN, "ICBC");
		String next = Fixtures.newCard(SHENZHEN, null).cardNumber();
		replace(lost(old), next, "LOST", null);

		Response hall = this.api.get("/api/v1/cards?idNumber=" + old.idNumber(), this.given.window("HOSPITAL", SHENZHEN));
		Response elsewhere = this.api.get("/api/v1/cards?idNumber=" + old.idNumber(), this.given.window("HOSPITAL", GUANGZHOU));
		Response bankElsewhere = this.api.get("/api/v1/cards?idNumber=" + old.idNumber(), this.given.teller(GUANGZHOU, "ICBC"));
		Response nobody = this.api.get("/api/v1/cards?idNumber=" + Fixtures.newCard(SHENZHEN, null).idNumber(),
				this.given.adminToken());

		assertThat(hall.status()).isEqualTo(200);
		assertThat(hall.json().size()).isEqualTo(2);
		assertThat(hall.text("/0/cardNumber")).isEqualTo(next);
		assertThat(hall.text("/0/replacementFor")).isEqualTo(old.cardNumber());
		assertThat(hall.text("/1/cardNumber")).isEqualTo(old.cardNumber());
		assertThat(hall.text("/1/status")).isEqualTo("REPLACED");
		assertThat(elsewhere.json().size()).isZero();
		assertThat(bankElsewhere.json().size()).as("only the card at the teller's bank").isEqualTo(1);
		assertThat(bankElsewhere.text("/0/cardNumber")).isEqualTo(old.cardNumber());
		assertThat(nobody.status()).isEqualTo(200);
		assertThat(nobody.json().size()).isZero();
	}

	@Test
	void theLookUpIsForStaffAndNeedsAWellFormedIdNumber() {
		TestCard card = this.given.card(SHENZHEN, null);
		String bad = card.idNumber().substring(0, 17) + ((card.idNumber().charAt(17) == '0') ? "1" : "0");

		Response online = this.api.get("/api/v1/cards?idNumber=" + card.idNumber(), this.given.client("WECHAT", null));
		Response malformed = this.api.get("/api/v1/cards?idNumber=" + bad, this.given.adminToken());
		Response missing = this.api.get("/api/v1/cards", this.given.adminToken());

		assertThat(online.status()).isEqualTo(403);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(malformed.text("/errors/0/field")).isEqualTo("idNumber");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("/errors/0/field")).isEqualTo("idNumber");
	}

	@Test
	void aChannelAsksHowTheCardStandsForTheHolder() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String essc = this.given.client("E_SSC_MINI_PROGRAM", null);
		report(card, essc, "TEMPORARY");

		Response response = this.api.post(card.path("/status-query"), essc, identity(card));
		Response wrongHolder = this.api.post(card.path("/status-query"), essc,
				Map.of("idNumber", card.idNumber(), "holderName", "别人"));
		Response otherBank = this.api.post(card.path("/status-query"), this.given.client("MOBILE_BANKING", "CCB"), identity(card));
		Response ownBank = this.api.post(card.path("/status-query"), this.given.client("MOBILE_BANKING", "ICBC"), identity(card));
		Response staff = this.api.post(card.path("/status-query"), this.given.adminToken(), identity(card));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/status")).isEqualTo("TEMPORARILY_LOST");
		assertThat(response.text("/holder/name")).endsWith("*");
		assertThat(wrongHolder.status()).isEqualTo(422);
		assertThat(wrongHolder.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(otherBank.code()).isEqualTo("WRONG_BANK");
		assertThat(ownBank.status()).isEqualTo(200);
		assertThat(staff.status()).isEqualTo(403);
		assertThat(events(card, "REJECTED")).isEqualTo(2);
	}

}
