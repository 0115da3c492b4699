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

	@Test
	void theDemoCardsAreInTheLifecycleStatesTheReadmeLists() throws Exception {
		String admin = token("admin", DemoData.OPERATOR_PASSWORD);
		String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));

		for (String[] row : new String[][] { { "A10000007", "TEMPORARILY_LOST" }, { "A10000008", "REPLACED" },
				{ "A10000009", "NORMAL" }, { "B20000005", "CANCELLED" } }) {
			assertThat(this.api.get("/api/v1/cards/" + row[0], admin).text("/status")).as(row[0]).isEqualTo(row[1]);
			assertThat(readme.lines().anyMatch((line) -> line.startsWith("| " + row[0] + " |") && line.contains(row[1])))
				.as("the README's demo table lists %s as %s", row[0], row[1])
				.isTrue();
		}
		assertThat(this.api.get("/api/v1/cards/A10000008", admin).text("/replacedBy")).isEqualTo("A10000009");
		assertThat(this.api.get("/api/v1/cards/A10000009", admin).text("/replacementFor")).isEqualTo("A10000008");
		assertThat(states(admin, "A10000008")).isEqualTo("CLOSED/CLOSED");
		assertThat(states(admin, "A10000009")).isEqualTo("PENDING_ACTIVATION/PENDING_ACTIVATION");
		assertThat(states(admin, "B20000005")).isEqualTo("CLOSED/none");
	}

	String states(String token, String cardNumber) {
		Response card = this.api.get("/api/v1/cards/" + cardNumber, token);
		String financial = card.json().get("financialAccount").isNull() ? "none"
				: card.text("/financialAccount/status");
		return card.text("/socialSecurityAccount/status") + "/" + financial;
	}

}
