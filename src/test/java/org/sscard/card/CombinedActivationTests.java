package org.sscard.card;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.sscard.card.internal.Pins;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;

class CombinedActivationTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String GUANGZHOU = "440106";

	static final String COMBINED = "/activation";

	@MockitoSpyBean
	Pins pins;

	static Map<String, Object> combined(TestCard card, String currentPin, String socialSecurityPin, String financialPin) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idNumber", card.idNumber());
		body.put("holderName", card.name());
		body.put("phone", "13812345678");
		body.put("currentPin", currentPin);
		body.put("socialSecurityPin", socialSecurityPin);
		body.put("financialPin", financialPin);
		return body;
	}

	@Test
	void aTellerInTheInsuredCityActivatesBothAccountsInOneVisit() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(COMBINED), teller, combined(card, "123456", "802514", "731946"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("ACTIVE");
		assertThat(response.text("/financialAccount/status")).isEqualTo("ACTIVE");
		assertThat(response.text("/socialSecurityAccount/activationChannel")).isEqualTo("BANK_COUNTER");
		assertThat(response.text("/financialAccount/activationChannel")).isEqualTo("BANK_COUNTER");
		Response events = this.api.get(card.path("/events"), teller);
		assertThat(events.json().size()).isEqualTo(3);
		assertThat(events.text("/0/account") + events.text("/1/account")).contains("SOCIAL_SECURITY").contains("FINANCIAL");
	}

	@Test
	void aWeakFinancialPinLeavesTheSocialSecurityAccountPending() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(COMBINED), teller, combined(card, "123456", "802514", "666666"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("WEAK_PIN");
		assertThat(statuses(card)).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
	}

	@Test
	void aWrongCurrentPinIsCountedEvenThoughTheCallIsRejected() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(COMBINED), teller, combined(card, "000000", "802514", "731946"));

		assertThat(response.code()).isEqualTo("PIN_MISMATCH");
		assertThat(response.json().get("remainingAttempts").asInt()).isEqualTo(2);
		assertThat(mismatchCount(card)).isEqualTo(1);
		assertThat(statuses(card)).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
	}

	@Test
	void aTellerOutsideTheInsuredCityIsRefusedEvenAtTheRightBank() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(COMBINED), this.given.teller(GUANGZHOU, "ICBC"),
				combined(card, "123456", "802514", "731946"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("OUTSIDE_INSURED_REGION");
	}

	@Test
	void aTellerOfAnotherBankIsRefused() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(COMBINED), this.given.teller(SHENZHEN, "CCB"),
				combined(card, "123456", "802514", "731946"));

		assertThat(response.code()).isEqualTo("WRONG_BANK");
		assertThat(statuses(card)).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
	}

	@Test
	void eitherAccountAlreadyActiveRefusesTheCombinedCall() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");
		this.api.post(card.path("/financial-account/activation"), teller, Map.of("idNumber", card.idNumber(),
				"holderName", card.name(), "phone", "13812345678", "newPin", "731946"));

		Response response = this.api.post(card.path(COMBINED), teller, combined(card, "123456", "802514", "731946"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("ALREADY_ACTIVE");
		assertThat(statuses(card)).isEqualTo("PENDING_ACTIVATION/ACTIVE");
	}

	@Test
	void onlyTellersMayCallIt() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response window = this.api.post(card.path(COMBINED), this.given.window("SERVICE_HALL", SHENZHEN),
				combined(card, "123456", "802514", "731946"));
		Response app = this.api.post(card.path(COMBINED), this.given.client("MOBILE_BANKING", "ICBC"),
				combined(card, "123456", "802514", "731946"));

		assertThat(window.status()).isEqualTo(403);
		assertThat(app.status()).isEqualTo(403);
	}

	@Test
	void aCardWithoutABankAccountCannotBeActivatedTogether() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response response = this.api.post(card.path(COMBINED), this.given.teller(SHENZHEN, "ICBC"),
				combined(card, "123456", "802514", "731946"));

		assertThat(response.code()).isEqualTo("NO_FINANCIAL_ACCOUNT");
	}

	@Test
	void aFailureAfterTheFirstAccountChangedCommitsNothing() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");
		// The financial PIN is hashed after the social-security account was activated and audited.
		Mockito.doCallRealMethod().doThrow(new IllegalStateException("injected failure")).when(this.pins).hash(anyString());

		Response response = this.api.post(card.path(COMBINED), teller, combined(card, "123456", "802514", "731946"));

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("injected").doesNotContain("Exception");
		assertThat(statuses(card)).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
		assertThat(events(card, "ACTIVATED")).isZero();
		assertThat(this.jdbc.queryForObject("select h.phone is null from cardholders h join cards c on c.holder_id = h.id "
				+ "where c.card_number = ?", Boolean.class, card.cardNumber()))
			.isTrue();
	}

	String statuses(TestCard card) {
		return this.jdbc.queryForObject("select a.status || '/' || f.status from cards c "
				+ "join social_security_accounts a on a.card_id = c.id join financial_accounts f on f.card_id = c.id "
				+ "where c.card_number = ?", String.class, card.cardNumber());
	}

}
