package org.sscard.card;

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

}
