package org.sscard.card;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class CardReadTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static final String SHENZHEN_OTHER_COUNTY = "440307";

	static final String GUANGZHOU = "440106";

	@Test
	void theCardViewMasksTheHolderAndTheAccountNumber() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = this.api.get(card.path(""), this.given.adminToken());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/cardNumber")).isEqualTo(card.cardNumber());
		assertThat(response.text("/status")).isEqualTo("NORMAL");
		assertThat(response.text("/holder/name")).isEqualTo("测" + "*".repeat(card.name().length() - 1));
		assertThat(response.text("/holder/idNumber"))
			.isEqualTo(card.idNumber().substring(0, 4) + "**********" + card.idNumber().substring(14));
		assertThat(response.text("/insuredRegionCode")).isEqualTo(SHENZHEN);
		assertThat(response.json().get("applications").toString())
			.isEqualTo("[\"HUMAN_RESOURCES\",\"SOCIAL_SECURITY\",\"FINANCIAL\"]");
		assertThat(response.text("/financialAccount/accountNumber")).doesNotContain(card.accountNumber());
		assertThat(response.body()).doesNotContain(card.idNumber()).doesNotContain(card.name())
			.doesNotContainIgnoringCase("pin");
	}

	@Test
	void aCardWithoutABankAccountShowsNone() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response response = this.api.get(card.path(""), this.given.adminToken());

		assertThat(response.json().get("financialAccount").isNull()).isTrue();
		assertThat(response.json().get("applications").size()).isEqualTo(2);
	}

	@Test
	void staffReadTheCardsOfTheirCity() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		assertThat(this.api.get(card.path(""), this.given.window("HOSPITAL", SHENZHEN_OTHER_COUNTY)).status()).isEqualTo(200);
		assertThat(this.api.get(card.path(""), this.given.teller(SHENZHEN_OTHER_COUNTY, "CCB")).status()).isEqualTo(200);
	}

	@Test
	void staffOfAnotherCityDoNotSeeTheCard() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response window = this.api.get(card.path(""), this.given.window("SERVICE_HALL", GUANGZHOU));
		Response otherBank = this.api.get(card.path(""), this.given.teller(GUANGZHOU, "CCB"));

		assertThat(window.status()).isEqualTo(404);
		assertThat(window.code()).isEqualTo("CARD_NOT_FOUND");
		assertThat(otherBank.status()).isEqualTo(404);
	}

	@Test
	void aTellerOfTheCardsBankReadsItFromAnyCity() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		assertThat(this.api.get(card.path(""), this.given.teller(GUANGZHOU, "ICBC")).status()).isEqualTo(200);
	}

	@Test
	void channelClientsMayNotReadCards() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");

		Response response = this.api.get(card.path(""), this.given.client("MOBILE_BANKING", "ICBC"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anUnknownCardLooksLikeOneOutOfScope() {
		String window = this.given.window("SERVICE_HALL", GUANGZHOU);
		TestCard card = this.given.card(SHENZHEN, null);

		Response unknown = this.api.get("/api/v1/cards/Z00000000", window);
		Response outOfScope = this.api.get(card.path(""), window);

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("CARD_NOT_FOUND");
		assertThat(outOfScope.code()).isEqualTo(unknown.code());
		assertThat(outOfScope.text("/title")).isEqualTo(unknown.text("/title"));
	}

	@Test
	void eventsFollowTheSameReadRulesAndStartWithTheIssue() {
		TestCard card = this.given.card(SHENZHEN, null);

		Response inCity = this.api.get(card.path("/events"), this.given.window("PHARMACY", SHENZHEN));
		Response outOfCity = this.api.get(card.path("/events"), this.given.window("PHARMACY", GUANGZHOU));
		Response client = this.api.get(card.path("/events"), this.given.client("ALIPAY", null));

		assertThat(inCity.status()).isEqualTo(200);
		assertThat(inCity.json().size()).isEqualTo(1);
		assertThat(inCity.text("/0/action")).isEqualTo("CARD_ISSUED");
		assertThat(inCity.text("/0/account")).isEqualTo("CARD");
		assertThat(inCity.text("/0/outcome")).isEqualTo("SUCCEEDED");
		assertThat(inCity.text("/0/actor")).isEqualTo("root-admin");
		assertThat(inCity.text("/0/occurredAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
		assertThat(outOfCity.code()).isEqualTo("CARD_NOT_FOUND");
		assertThat(client.status()).isEqualTo(403);
	}

	@Test
	void eventsArePagedNewestFirstWithLimitAndBefore() {
		TestCard card = this.given.card(SHENZHEN, null);
		String window = this.given.window("HOSPITAL", SHENZHEN);
		for (int i = 0; i < 4; i++) {
			this.api.post(card.path("/social-security-account/activation"), window,
					Map.of("currentPin", "00000" + i, "newPin", "802514", "phone", "13812345678"));
		}

		Response all = this.api.get(card.path("/events"), window);
		Response firstPage = this.api.get(card.path("/events?limit=2"), window);
		long oldestOnFirstPage = firstPage.json().get(1).get("id").asLong();
		Response secondPage = this.api.get(card.path("/events?limit=2&before=" + oldestOnFirstPage), window);
		Response lastPage = this.api.get(card.path("/events?limit=2&before=" + secondPage.json().get(1).get("id").asLong()),
				window);

		assertThat(all.json().size()).isEqualTo(5);
		assertThat(firstPage.json().size()).isEqualTo(2);
		assertThat(firstPage.text("/0/action")).isEqualTo("REJECTED");
		assertThat(firstPage.text("/1/action")).isEqualTo("LOCKED");
		assertThat(secondPage.json().size()).isEqualTo(2);
		assertThat(secondPage.json().get(0).get("id").asLong()).isLessThan(oldestOnFirstPage);
		assertThat(secondPage.text("/0/action")).isEqualTo("PIN_MISMATCH");
		assertThat(lastPage.json().size()).isEqualTo(1);
		assertThat(lastPage.text("/0/action")).isEqualTo("CARD_ISSUED");
		assertThat(this.api.get(card.path("/events?limit=0"), window).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.get(card.path("/events?limit=201"), window).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.get(card.path("/events?limit=x"), window).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.get(card.path("/events?before=-1"), window).code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.get(card.path("/events?limit=200"), window).json().size()).isEqualTo(5);
	}

}
