package org.sscard.card;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class PinResetTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String GUANGZHOU = "440106";

	static final String SS_RESET = "/social-security-account/pin-reset";

	static final String FIN_RESET = "/financial-account/pin-reset";

	static Map<String, Object> reset(TestCard card, String newPin) {
		return Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", newPin, "phone", "13912345678");
	}

	TestCard lockedCard(String bank) {
		TestCard card = this.given.card(SHENZHEN, bank);
		String window = this.given.window("HOSPITAL", SHENZHEN);
		for (int i = 0; i < 3; i++) {
			this.api.post(card.path("/social-security-account/activation"), window,
					Map.of("currentPin", "000000", "newPin", "802514", "phone", "13812345678"));
		}
		return card;
	}

	@Test
	void aServiceHallUnlocksALockedAccountWithANewPin() {
		TestCard card = lockedCard(null);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);

		Response response = this.api.post(card.path(SS_RESET), hall, reset(card, "802514"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("ACTIVE");
		assertThat(response.text("/socialSecurityAccount/activationChannel")).isEqualTo("SERVICE_HALL");
		assertThat(response.json().at("/socialSecurityAccount/activatedAt").isNull()).isFalse();
		assertThat(mismatchCount(card)).isZero();
		assertThat(this.api.get(card.path("/events"), hall).text("/0/action")).isEqualTo("PIN_RESET");
		assertThat(this.api.get(card.path("/events"), hall).text("/1/action")).as("the reset activated it")
			.isEqualTo("ACTIVATED");
		assertThat(response.text("/holder/phone")).isEqualTo("139****5678");
	}

	@Test
	void aResetThatActivatesTheAccountNeedsAPhone() {
		TestCard card = lockedCard(null);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);

		Response response = this.api.post(card.path(SS_RESET), hall,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "802514"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("PHONE_REQUIRED");
		assertThat(socialSecurityStatus(card)).isEqualTo("LOCKED");
		assertThat(events(card, "ACTIVATED")).isZero();
	}

	@Test
	void aResetOfAnAccountActivatedBeforeNeedsNoPhone() {
		TestCard card = this.given.card(SHENZHEN, null);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);
		this.api.post(card.path("/social-security-account/activation"), hall,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"));

		Response response = this.api.post(card.path(SS_RESET), hall,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "135790"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/holder/phone")).isEqualTo("138****5678");
		assertThat(events(card, "ACTIVATED")).isEqualTo(1);
		assertThat(this.api.post(card.path(SS_RESET), hall, Map.of("idNumber", card.idNumber(), "holderName", card.name(),
				"newPin", "802514", "phone", "12345")).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void aTellerInTheInsuredCityMayResetToo() {
		TestCard card = lockedCard(null);

		Response response = this.api.post(card.path(SS_RESET), this.given.teller(SHENZHEN, "BOC"), reset(card, "802514"));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void hospitalAndPharmacyWindowsMayNotReset() {
		TestCard card = lockedCard(null);

		Response hospital = this.api.post(card.path(SS_RESET), this.given.window("HOSPITAL", SHENZHEN), reset(card, "802514"));
		Response pharmacy = this.api.post(card.path(SS_RESET), this.given.window("PHARMACY", SHENZHEN), reset(card, "802514"));

		assertThat(hospital.status()).isEqualTo(403);
		assertThat(hospital.code()).isEqualTo("FORBIDDEN");
		assertThat(pharmacy.status()).isEqualTo(403);
	}

	@Test
	void anAccountNeverActivatedIsNotReset() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response response = this.api.post(card.path(SS_RESET), this.given.window("SERVICE_HALL", SHENZHEN),
				reset(card, "802514"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("NOT_ACTIVE");
	}

	@Test
	void theIdentityIsChecked() {
		TestCard card = lockedCard(null);

		Response response = this.api.post(card.path(SS_RESET), this.given.window("SERVICE_HALL", SHENZHEN),
				Map.of("idNumber", card.idNumber(), "holderName", "冒名", "newPin", "802514"));

		assertThat(response.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(this.api.get(card.path(""), this.given.adminToken()).text("/socialSecurityAccount/status"))
			.isEqualTo("LOCKED");
	}

	@Test
	void aServiceHallInAnotherCityIsRefused() {
		TestCard card = lockedCard(null);

		Response response = this.api.post(card.path(SS_RESET), this.given.window("SERVICE_HALL", GUANGZHOU),
				reset(card, "802514"));

		assertThat(response.code()).isEqualTo("OUTSIDE_INSURED_REGION");
	}

	@Test
	void theNewPinPolicyApplies() {
		TestCard card = lockedCard(null);
		String hall = this.given.window("SERVICE_HALL", SHENZHEN);

		assertThat(this.api.post(card.path(SS_RESET), hall, reset(card, "123456")).code())
			.isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(this.api.post(card.path(SS_RESET), hall, reset(card, "234567")).code()).isEqualTo("WEAK_PIN");
	}

	@Test
	void aTellerOfTheAccountsBankResetsTheFinancialPin() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(GUANGZHOU, "ICBC");
		this.api.post(card.path("/financial-account/activation"), teller,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone", "13812345678", "newPin", "731946"));

		Response response = this.api.post(card.path(FIN_RESET), teller, reset(card, "802514"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/financialAccount/status")).isEqualTo("ACTIVE");
		assertThat(this.api.get(card.path("/events"), teller).text("/0/account")).isEqualTo("FINANCIAL");
	}

	@Test
	void theFinancialPinResetRefusesOtherBanksInactiveAccountsAndOtherRoles() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response pending = this.api.post(card.path(FIN_RESET), this.given.teller(SHENZHEN, "ICBC"), reset(card, "802514"));
		Response otherBank = this.api.post(card.path(FIN_RESET), this.given.teller(SHENZHEN, "CCB"), reset(card, "802514"));
		Response window = this.api.post(card.path(FIN_RESET), this.given.window("SERVICE_HALL", SHENZHEN),
				reset(card, "802514"));
		Response app = this.api.post(card.path(FIN_RESET), this.given.client("MOBILE_BANKING", "ICBC"),
				reset(card, "802514"));

		assertThat(pending.code()).isEqualTo("NOT_ACTIVE");
		assertThat(otherBank.code()).isEqualTo("WRONG_BANK");
		assertThat(window.status()).isEqualTo(403);
		assertThat(app.status()).isEqualTo(403);
	}

	@Test
	void aTellerOfBankACannotTouchBankBsAccountInAnyCall() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String ccb = this.given.teller("440101", "CCB");
		Map<String, Object> financial = Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone",
				"13812345678", "newPin", "802514");

		assertThat(this.api.get(card.path(""), ccb).code()).isEqualTo("CARD_NOT_FOUND");
		assertThat(this.api.get(card.path("/events"), ccb).code()).isEqualTo("CARD_NOT_FOUND");
		assertThat(this.api.post(card.path("/financial-account/activation"), ccb, financial).code()).isEqualTo("WRONG_BANK");
		assertThat(this.api.post(card.path(FIN_RESET), ccb, reset(card, "802514")).code()).isEqualTo("WRONG_BANK");
		assertThat(this.api.post(card.path("/activation"), this.given.teller(SHENZHEN, "CCB"),
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone", "13812345678", "currentPin",
						"123456", "socialSecurityPin", "802514", "financialPin", "731946"))
			.code()).isEqualTo("WRONG_BANK");
		assertThat(financialStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

}
