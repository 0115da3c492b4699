package org.sscard.demo;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data set the README's walk-throughs rely on. */
@TestPropertySource(properties = "sscard.demo-data=true")
class DemoDataTests extends ApiTest {

	String token(String name, String secret) {
		return this.api.token(name, secret);
	}

	@Test
	void everyDemoOperatorAndClientSignsIn() {
		for (String operator : new String[] { "admin", "sz.hall", "sz.hospital", "sz.pharmacy", "sz.icbc", "sz.ccb",
				"gz.hall", "gz.hospital", "gz.icbc", "gz.ccb" }) {
			assertThat(token(operator, DemoData.OPERATOR_PASSWORD)).isNotBlank();
		}
		for (String client : new String[] { "wechat-demo", "alipay-demo", "essc-demo", "icbc-mobile-demo",
				"ccb-mobile-demo" }) {
			assertThat(token(client, DemoData.CLIENT_SECRET)).isNotBlank();
		}
	}

	@Test
	void theDemoCardsAreInTheStatesTheReadmeLists() {
		String admin = token("admin", DemoData.OPERATOR_PASSWORD);

		assertThat(states(admin, "A10000001")).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
		assertThat(states(admin, "A10000004")).isEqualTo("PENDING_ACTIVATION/none");
		assertThat(states(admin, "A10000005")).isEqualTo("ACTIVE/ACTIVE");
		assertThat(states(admin, "A10000006")).isEqualTo("LOCKED/PENDING_ACTIVATION");
		assertThat(states(admin, "B20000002")).isEqualTo("ACTIVE/ACTIVE");
		assertThat(states(admin, "B20000004")).isEqualTo("ACTIVE/ACTIVE");
		assertThat(this.api.get("/api/v1/cards/B20000002", admin).text("/financialAccount/activationChannel"))
			.isEqualTo("WECHAT");
	}

	String states(String token, String cardNumber) {
		Response card = this.api.get("/api/v1/cards/" + cardNumber, token);
		String financial = card.json().get("financialAccount").isNull() ? "none"
				: card.text("/financialAccount/status");
		return card.text("/socialSecurityAccount/status") + "/" + financial;
	}

}
