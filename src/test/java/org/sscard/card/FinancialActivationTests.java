package org.sscard.card;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class FinancialActivationTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String GUANGZHOU = "440106";

	static final String ACTIVATION = "/financial-account/activation";

	static Map<String, Object> activation(TestCard card, String newPin) {
		return Map.of("idNumber", card.idNumber(), "holderName", card.name(), "phone", "13812345678", "newPin", newPin);
	}

	@Test
	void aTellerOfTheAccountsBankActivatesItInAnyCity() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String guangzhouTeller = this.given.teller(GUANGZHOU, "ICBC");

		Response response = this.api.post(card.path(ACTIVATION), guangzhouTeller, activation(card, "802514"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/financialAccount/status")).isEqualTo("ACTIVE");
		assertThat(response.text("/financialAccount/activationChannel")).isEqualTo("BANK_COUNTER");
		assertThat(response.text("/financialAccount/activatedAtBranch")).startsWith("T-B-");
		assertThat(response.text("/financialAccount/currency")).isEqualTo("CNY");
		assertThat(response.text("/financialAccount/type")).isEqualTo("DEBIT");
		assertThat(response.text("/financialAccount/accountNumber"))
			.isEqualTo(card.accountNumber().substring(0, 4) + "*".repeat(card.accountNumber().length() - 8)
					+ card.accountNumber().substring(card.accountNumber().length() - 4));
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(response.text("/holder/phone")).isEqualTo("138****5678");
	}

	@Test
	void aTellerOfAnotherBankIsRefused() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String ccbTeller = this.given.teller(SHENZHEN, "CCB");

		Response response = this.api.post(card.path(ACTIVATION), ccbTeller, activation(card, "802514"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("WRONG_BANK");
		assertThat(financialStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void weChatActivatesOnlineWithoutABranch() {
		TestCard card = this.given.card(SHENZHEN, "CCB");
		String wechat = this.given.client("WECHAT", null);

		Response response = this.api.post(card.path(ACTIVATION), wechat, activation(card, "802514"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/financialAccount/activationChannel")).isEqualTo("WECHAT");
		assertThat(response.json().at("/financialAccount/activatedAtBranch").isNull()).isTrue();
		Response events = this.api.get(card.path("/events"), this.given.adminToken());
		assertThat(events.text("/0/channel")).isEqualTo("WECHAT");
		assertThat(events.json().at("/0/branchCode").isNull()).isTrue();
		assertThat(events.text("/0/actor")).startsWith("wechat-");
	}

	@Test
	void alipayAndTheESscMiniProgramActivateAnyBanksAccount() {
		TestCard first = this.given.card(SHENZHEN, "ICBC");
		TestCard second = this.given.card(SHENZHEN, "BOC");

		Response alipay = this.api.post(first.path(ACTIVATION), this.given.client("ALIPAY", null), activation(first, "802514"));
		Response essc = this.api.post(second.path(ACTIVATION), this.given.client("E_SSC_MINI_PROGRAM", null),
				activation(second, "802514"));

		assertThat(alipay.text("/financialAccount/activationChannel")).isEqualTo("ALIPAY");
		assertThat(essc.text("/financialAccount/activationChannel")).isEqualTo("E_SSC_MINI_PROGRAM");
	}

	@Test
	void aMobileBankingAppServesOnlyItsOwnBank() {
		TestCard icbcCard = this.given.card(SHENZHEN, "ICBC");
		TestCard ccbCard = this.given.card(SHENZHEN, "CCB");
		String icbcApp = this.given.client("MOBILE_BANKING", "ICBC");

		Response own = this.api.post(icbcCard.path(ACTIVATION), icbcApp, activation(icbcCard, "802514"));
		Response other = this.api.post(ccbCard.path(ACTIVATION), icbcApp, activation(ccbCard, "802514"));

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.text("/financialAccount/activationChannel")).isEqualTo("MOBILE_BANKING");
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.code()).isEqualTo("WRONG_BANK");
	}

	@Test
	void serviceWindowsMayNotActivateTheFinancialAccount() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = this.api.post(card.path(ACTIVATION), this.given.window("SERVICE_HALL", SHENZHEN),
				activation(card, "802514"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void theIdNumberAndNameMustBeTheHolders() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		TestCard someoneElse = org.sscard.support.Fixtures.newCard(SHENZHEN, "ICBC");
		String wechat = this.given.client("WECHAT", null);
		Map<String, Object> wrongId = new LinkedHashMap<>(activation(card, "802514"));
		wrongId.put("idNumber", someoneElse.idNumber());
		Map<String, Object> wrongName = new LinkedHashMap<>(activation(card, "802514"));
		wrongName.put("holderName", "别人");

		Response byId = this.api.post(card.path(ACTIVATION), wechat, wrongId);
		Response byName = this.api.post(card.path(ACTIVATION), wechat, wrongName);

		assertThat(byId.status()).isEqualTo(422);
		assertThat(byId.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(byName.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(financialStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void aCardWithoutABankAccountHasNothingToActivate() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response response = this.api.post(card.path(ACTIVATION), this.given.client("WECHAT", null),
				activation(card, "802514"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("NO_FINANCIAL_ACCOUNT");
	}

	@Test
	void anActiveFinancialAccountCannotBeActivatedAgain() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String wechat = this.given.client("WECHAT", null);
		this.api.post(card.path(ACTIVATION), wechat, activation(card, "802514"));

		Response again = this.api.post(card.path(ACTIVATION), wechat, activation(card, "731946"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_ACTIVE");
	}

	@Test
	void theNewPinPolicyApplies() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String wechat = this.given.client("WECHAT", null);

		Response initial = this.api.post(card.path(ACTIVATION), wechat, activation(card, "123456"));
		Response weak = this.api.post(card.path(ACTIVATION), wechat, activation(card, "888888"));
		Response malformed = this.api.post(card.path(ACTIVATION), wechat, activation(card, "8888"));

		assertThat(initial.code()).isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(weak.code()).isEqualTo("WEAK_PIN");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(financialStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void aBodyCannotNameAnotherChannelOrBranch() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		Map<String, Object> spoofed = new LinkedHashMap<>(activation(card, "802514"));
		spoofed.put("channel", "BANK_COUNTER");
		spoofed.put("branchCode", "SZ-ICBC-01");

		Response response = this.api.post(card.path(ACTIVATION), this.given.client("WECHAT", null), spoofed);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(financialStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void rejectionsAreAuditedOnTheFinancialAccount() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String ccbTeller = this.given.teller(SHENZHEN, "CCB");
		this.api.post(card.path(ACTIVATION), ccbTeller, activation(card, "802514"));

		Response events = this.api.get(card.path("/events"), this.given.adminToken());

		assertThat(events.text("/0/account")).isEqualTo("FINANCIAL");
		assertThat(events.text("/0/action")).isEqualTo("REJECTED");
		assertThat(events.text("/0/outcome")).isEqualTo("REJECTED");
		assertThat(events.text("/0/code")).isEqualTo("WRONG_BANK");
		assertThat(events.text("/0/channel")).isEqualTo("BANK_COUNTER");
	}

}
