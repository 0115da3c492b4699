package org.sscard.card;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity mismatches are counted per card; past the limit, channel clients are refused unchecked. */
class IdentityChecksTests extends ApiTest {

	static final String SHENZHEN = "440305";

	static Map<String, Object> financial(TestCard card, String name) {
		return Map.of("idNumber", card.idNumber(), "holderName", name, "phone", "13812345678", "newPin", "731946");
	}

	int identityRejections(TestCard card, String code) {
		return this.jdbc.queryForObject("select count(*) from activation_events e join cards c on c.id = e.card_id "
				+ "where c.card_number = ? and e.code = ?", Integer.class, card.cardNumber(), code);
	}

	@Test
	void aChannelClientsSixthMismatchIsRefusedWithoutTheIdentityBeingChecked() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String wechat = this.given.client("WECHAT", null);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post(card.path("/financial-account/activation"), wechat, financial(card, "猜" + i)).code())
				.isEqualTo("IDENTITY_MISMATCH");
		}

		Response blocked = this.api.post(card.path("/financial-account/activation"), this.given.client("ALIPAY", null),
				financial(card, card.name()));

		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.code()).isEqualTo("IDENTITY_CHECKS_EXHAUSTED");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(86_000L, 86_400L);
		assertThat(financialStatus(card)).as("the right identity was not even checked").isEqualTo("PENDING_ACTIVATION");
		assertThat(identityRejections(card, "IDENTITY_MISMATCH")).isEqualTo(5);
		assertThat(identityRejections(card, "IDENTITY_CHECKS_EXHAUSTED")).isEqualTo(1);
	}

	@Test
	void staffAreNotBlockedButTheirMismatchesCountAndSuccessesDoNotClearTheCount() {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");
		String alipay = this.given.client("ALIPAY", null);
		for (int i = 0; i < 3; i++) {
			this.api.post(card.path("/financial-account/activation"), teller, financial(card, "猜" + i));
		}
		this.api.post(card.path("/financial-account/activation"), alipay, financial(card, "猜"));
		this.api.post(card.path("/financial-account/activation"), alipay, financial(card, "猜"));

		assertThat(this.api.post(card.path("/financial-account/activation"), teller, financial(card, card.name())).status())
			.isEqualTo(200);
		assertThat(this.api.post(card.path("/financial-account/pin-reset"), alipay,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "135790")).status())
			.as("channel clients may not reset").isEqualTo(403);
		assertThat(identityRejections(card, "IDENTITY_MISMATCH")).isEqualTo(5);
		assertThat(this.jdbc.queryForObject("select count(*) from identity_mismatches m join cards c on c.id = m.card_id "
				+ "where c.card_number = ?", Integer.class, card.cardNumber())).isEqualTo(5);
	}

	@Test
	void theCountIsPerCard() {
		TestCard guessed = this.given.card(SHENZHEN, "ICBC");
		TestCard other = this.given.card(SHENZHEN, "ICBC");
		String wechat = this.given.client("WECHAT", null);
		for (int i = 0; i < 5; i++) {
			this.api.post(guessed.path("/financial-account/activation"), wechat, financial(guessed, "猜" + i));
		}

		assertThat(this.api.post(other.path("/financial-account/activation"), wechat, financial(other, other.name())).status())
			.isEqualTo(200);
	}

}
