package org.sscard.card;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification, change and unlock of the social-security PIN, over HTTP against a real PostgreSQL. */
class PinServicesTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String GUANGZHOU = "440106";

	static final String LESHAN = "511102";

	static final String VERIFY = "/social-security-account/pin-verification";

	static final String CHANGE = "/social-security-account/pin-change";

	static final String UNLOCK = "/social-security-account/unlock";

	static final String PIN = "802514";

	TestCard activeCard(String region) {
		TestCard card = this.given.card(region, null);
		Response activated = this.api.post(card.path("/social-security-account/activation"),
				this.given.window("SERVICE_HALL", region), Map.of("currentPin", "123456", "newPin", PIN, "phone", "13812345678"));
		assertThat(activated.status()).isEqualTo(200);
		return card;
	}

	Response verify(TestCard card, String token, String pin) {
		return this.api.post(card.path(VERIFY), token, Map.of("pin", pin));
	}

	TestCard lockedByVerification(String window) {
		TestCard card = activeCard(SHENZHEN);
		for (int i = 0; i < 3; i++) {
			verify(card, window, "000000");
		}
		assertThat(socialSecurityStatus(card)).isEqualTo("LOCKED");
		return card;
	}

	@Test
	void aHospitalWindowVerifiesThePinAtASettlement() {
		TestCard card = activeCard(SHENZHEN);
		String hospital = this.given.window("HOSPITAL", SHENZHEN);

		Response response = verify(card, hospital, PIN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).as("no card view").isEqualTo(1);
		assertThat(response.json().get("verified").asBoolean()).isTrue();
		assertThat(events(card, "PIN_VERIFIED")).isEqualTo(1);
	}

	@Test
	void aWrongPinIsCountedLikeAtActivationAndARightOneStartsAgain() {
		TestCard card = activeCard(SHENZHEN);
		String pharmacy = this.given.window("PHARMACY", SHENZHEN);

		Response wrong = verify(card, pharmacy, "468024");
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.code()).isEqualTo("PIN_MISMATCH");
		assertThat(wrong.json().get("remainingAttempts").asInt()).isEqualTo(2);
		assertThat(wrong.body()).doesNotContain("468024").doesNotContain(PIN);
		assertThat(mismatchCount(card)).isEqualTo(1);

		assertThat(verify(card, pharmacy, PIN).status()).isEqualTo(200);
		assertThat(mismatchCount(card)).isZero();
		verify(card, pharmacy, "000000");
		verify(card, pharmacy, "000000");
		Response locking = verify(card, pharmacy, "000000");
		assertThat(locking.status()).isEqualTo(423);
		assertThat(locking.json().get("remainingAttempts").asInt()).isZero();
		assertThat(verify(card, pharmacy, PIN).code()).as("even the right PIN").isEqualTo("ACCOUNT_LOCKED");
		assertThat(events(card, "LOCKED")).isEqualTo(1);
	}

	@Test
	void verificationIsForStaffInTheInsuredCityOnAnActiveAccount() {
		TestCard card = activeCard(SHENZHEN);
		TestCard sealed = this.given.card(SHENZHEN, null);

		assertThat(verify(card, this.given.window("HOSPITAL", GUANGZHOU), PIN).code()).isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(verify(card, this.given.teller(SHENZHEN, "ICBC"), PIN).status()).isEqualTo(200);
		assertThat(verify(sealed, this.given.window("HOSPITAL", SHENZHEN), "123456").code()).isEqualTo("NOT_ACTIVE");
		assertThat(verify(card, this.given.client("WECHAT", null), PIN).status()).isEqualTo(403);
		assertThat(verify(card, this.given.adminToken(), PIN).status()).isEqualTo(403);
		assertThat(verify(card, this.given.window("HOSPITAL", SHENZHEN), "80251").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.post(card.path(VERIFY), this.given.window("HOSPITAL", SHENZHEN), Map.of("pin", 802514)).code())
			.isEqualTo("VALIDATION_FAILED");
		assertThat(mismatchCount(card)).isZero();
	}

	@Test
	void theLockoutThresholdFollowsTheCardsRegion() {
		TestCard card = activeCard(LESHAN);
		String hospital = this.given.window("HOSPITAL", LESHAN);

		assertThat(verify(card, hospital, "000000").json().get("remainingAttempts").asInt()).isEqualTo(5);
		for (int i = 0; i < 4; i++) {
			assertThat(verify(card, hospital, "000000").code()).isEqualTo("PIN_MISMATCH");
		}
		assertThat(verify(card, hospital, "000000").code()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(mismatchCount(card)).isEqualTo(6);
	}

	@Test
	void aHolderWhoKnowsThePinChangesIt() {
		TestCard card = activeCard(SHENZHEN);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);

		Response changed = this.api.post(card.path(CHANGE), hall, Map.of("currentPin", PIN, "newPin", "135790"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.text("/socialSecurityAccount/status")).isEqualTo("ACTIVE");
		assertThat(verify(card, hall, PIN).code()).isEqualTo("PIN_MISMATCH");
		assertThat(verify(card, hall, "135790").status()).isEqualTo(200);
		assertThat(events(card, "PIN_CHANGED")).isEqualTo(1);
	}

	@Test
	void theNewPinMustDifferFromTheCurrentAndPassThePolicy() {
		TestCard card = activeCard(SHENZHEN);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);

		assertThat(this.api.post(card.path(CHANGE), hall, Map.of("currentPin", PIN, "newPin", PIN)).code())
			.isEqualTo("PIN_UNCHANGED");
		assertThat(this.api.post(card.path(CHANGE), hall, Map.of("currentPin", PIN, "newPin", "123456")).code())
			.isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(this.api.post(card.path(CHANGE), hall, Map.of("currentPin", PIN, "newPin", "666666")).code())
			.isEqualTo("WEAK_PIN");
		Response wrong = this.api.post(card.path(CHANGE), hall, Map.of("currentPin", "000000", "newPin", "135790"));
		assertThat(wrong.code()).isEqualTo("PIN_MISMATCH");
		assertThat(mismatchCount(card)).isEqualTo(1);
		assertThat(verify(card, hall, PIN).status()).as("the PIN is unchanged").isEqualTo(200);
	}

	@Test
	void theESscChangesAPinOnlineFromAnyCityButOtherChannelsMayNot() {
		TestCard card = activeCard(GUANGZHOU);

		assertThat(this.api.post(card.path(CHANGE), this.given.client("E_SSC_MINI_PROGRAM", null),
				Map.of("currentPin", PIN, "newPin", "135790")).status()).isEqualTo(200);
		assertThat(this.api.post(card.path(CHANGE), this.given.client("WECHAT", null),
				Map.of("currentPin", "135790", "newPin", "246802")).status()).isEqualTo(403);
		assertThat(this.api.post(card.path(CHANGE), this.given.window("HOSPITAL", SHENZHEN),
				Map.of("currentPin", "135790", "newPin", "246802")).code()).isEqualTo("OUTSIDE_INSURED_REGION");
	}

	@Test
	void aServiceHallUnlocksKeepingThePin() {
		String hospital = this.given.window("HOSPITAL", SHENZHEN);
		TestCard card = lockedByVerification(hospital);
		TestCard sealed = this.given.card(SHENZHEN, null);
		for (int i = 0; i < 3; i++) {
			this.api.post(sealed.path("/social-security-account/activation"), hospital,
					Map.of("currentPin", "000000", "newPin", PIN, "phone", "13812345678"));
		}
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);
		Map<String, Object> identity = Map.of("idNumber", card.idNumber(), "holderName", card.name());

		Response unlocked = this.api.post(card.path(UNLOCK), hall, identity);
		Response unsealed = this.api.post(sealed.path(UNLOCK), this.given.teller(SHENZHEN, "BOC"),
				Map.of("idNumber", sealed.idNumber(), "holderName", sealed.name()));

		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.text("/socialSecurityAccount/status")).isEqualTo("ACTIVE");
		assertThat(mismatchCount(card)).isZero();
		assertThat(verify(card, hospital, PIN).status()).as("the PIN was kept").isEqualTo(200);
		assertThat(unsealed.text("/socialSecurityAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(events(card, "UNLOCKED")).isEqualTo(1);
		assertThat(this.api.post(card.path(UNLOCK), hall, identity).code()).isEqualTo("NOT_LOCKED");
	}

	@Test
	void unlockIsInPersonAtAServiceHallOrBankCounterWithTheHoldersIdentity() {
		String hospital = this.given.window("HOSPITAL", SHENZHEN);
		TestCard card = lockedByVerification(hospital);
		Map<String, Object> identity = Map.of("idNumber", card.idNumber(), "holderName", card.name());

		assertThat(this.api.post(card.path(UNLOCK), hospital, identity).status()).isEqualTo(403);
		assertThat(this.api.post(card.path(UNLOCK), this.given.client("E_SSC_MINI_PROGRAM", null), identity).status())
			.isEqualTo(403);
		assertThat(this.api.post(card.path(UNLOCK), this.given.window("SERVICE_HALL", GUANGZHOU), identity).code())
			.isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(this.api.post(card.path(UNLOCK), this.given.window("SERVICE_HALL", SHENZHEN),
				Map.of("idNumber", card.idNumber(), "holderName", "冒名")).code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(socialSecurityStatus(card)).isEqualTo("LOCKED");
	}

}
