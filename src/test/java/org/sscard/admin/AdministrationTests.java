package org.sscard.admin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrationTests extends ApiTest {

	static Map<String, Object> branch(String code, String kind, String region, String bank) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", "网点 " + code);
		body.put("kind", kind);
		body.put("regionCode", region);
		body.put("bankCode", bank);
		return body;
	}

	Response post(String path, Object body) {
		return this.api.post("/api/v1/admin/" + path, this.given.adminToken(), body);
	}

	@Test
	void theBootstrapAdministratorExists() {
		assertThat(this.jdbc.queryForObject("select role from operators where username = 'root-admin'", String.class))
			.isEqualTo("ADMIN");
	}

	@Test
	void aBranchIsOpened() {
		String code = "ADM-" + Fixtures.next();

		Response response = post("branches", branch(code, "BANK_BRANCH", "440305", "ICBC"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("/code")).isEqualTo(code);
		assertThat(response.text("/kind")).isEqualTo("BANK_BRANCH");
		assertThat(response.text("/bankCode")).isEqualTo("ICBC");
		assertThat(post("branches", branch(code, "BANK_BRANCH", "440305", "ICBC")).code()).isEqualTo("DUPLICATE");
	}

	@Test
	void aBankCodeIsRequiredForAndOnlyForABankBranch() {
		Response bankWithout = post("branches", branch("ADM-" + Fixtures.next(), "BANK_BRANCH", "440305", null));
		Response hallWith = post("branches", branch("ADM-" + Fixtures.next(), "SERVICE_HALL", "440305", "ICBC"));

		assertThat(bankWithout.status()).isEqualTo(400);
		assertThat(bankWithout.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(bankWithout.text("/errors/0/field")).isEqualTo("bankCode");
		assertThat(hallWith.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "code:ab", "code:lower-case", "kind:BANK", "regionCode:44030", "regionCode:990305",
			"bankCode:icbc" })
	void branchFieldsAreChecked(String fieldAndValue) {
		String[] parts = fieldAndValue.split(":");
		Map<String, Object> body = branch("ADM-" + Fixtures.next(), "BANK_BRANCH", "440305", "ICBC");
		body.put(parts[0], parts[1]);

		Response response = post("branches", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void anOperatorIsAddedWithoutThePasswordComingBack() {
		String branchCode = this.given.branch("BANK_BRANCH", "440305", "ICBC");
		String username = "teller." + Fixtures.next();

		Response response = post("operators",
				Map.of("username", username, "password", "a-long-password", "role", "TELLER", "branchCode", branchCode));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("/username")).isEqualTo(username);
		assertThat(response.text("/role")).isEqualTo("TELLER");
		assertThat(response.text("/branchCode")).isEqualTo(branchCode);
		assertThat(response.body()).doesNotContain("a-long-password").doesNotContainIgnoringCase("password");
		assertThat(this.jdbc.queryForObject("select password_hash from operators where username = ?", String.class,
				username)).startsWith("{bcrypt}");
		assertThat(post("operators", Map.of("username", username, "password", "a-long-password", "role", "TELLER",
				"branchCode", branchCode)).code()).isEqualTo("DUPLICATE");
	}

	@Test
	void anOperatorsRoleMustFitTheKindOfBranch() {
		String bank = this.given.branch("BANK_BRANCH", "440305", "ICBC");
		String hospital = this.given.branch("HOSPITAL", "440305", null);

		Response windowAtBank = post("operators", Map.of("username", "w." + Fixtures.next(), "password",
				"a-long-password", "role", "SERVICE_WINDOW", "branchCode", bank));
		Response tellerAtHospital = post("operators", Map.of("username", "t." + Fixtures.next(), "password",
				"a-long-password", "role", "TELLER", "branchCode", hospital));
		Response tellerWithoutBranch = post("operators",
				Map.of("username", "t." + Fixtures.next(), "password", "a-long-password", "role", "TELLER"));
		Response unknownBranch = post("operators", Map.of("username", "t." + Fixtures.next(), "password",
				"a-long-password", "role", "TELLER", "branchCode", "NO-SUCH-BRANCH"));

		assertThat(windowAtBank.status()).isEqualTo(400);
		assertThat(windowAtBank.text("/errors/0/field")).isEqualTo("branchCode");
		assertThat(tellerAtHospital.status()).isEqualTo(400);
		assertThat(tellerWithoutBranch.status()).isEqualTo(400);
		assertThat(unknownBranch.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "username:UPPER", "username:ab", "password:short-pass", "role:SUPERUSER" })
	void operatorFieldsAreChecked(String fieldAndValue) {
		String[] parts = fieldAndValue.split(":");
		Map<String, Object> body = new HashMap<>(
				Map.of("username", "op." + Fixtures.next(), "password", "a-long-password", "role", "ADMIN"));
		body.put(parts[0], parts[1]);

		assertThat(post("operators", body).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void channelClientsAreAdded() {
		String clientId = "app-" + Fixtures.next();

		Response response = post("channel-clients",
				Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "MOBILE_BANKING", "bankCode", "ICBC"));
		Response withoutBank = post("channel-clients",
				Map.of("clientId", "app-" + Fixtures.next(), "secret", Fixtures.SECRET, "channel", "MOBILE_BANKING"));
		Response shortSecret = post("channel-clients",
				Map.of("clientId", "app-" + Fixtures.next(), "secret", "too-short", "channel", "WECHAT"));
		Response notAChannel = post("channel-clients",
				Map.of("clientId", "app-" + Fixtures.next(), "secret", Fixtures.SECRET, "channel", "BANK_COUNTER"));
		Response duplicate = post("channel-clients",
				Map.of("clientId", clientId, "secret", Fixtures.SECRET, "channel", "WECHAT"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("/channel")).isEqualTo("MOBILE_BANKING");
		assertThat(response.body()).doesNotContain(Fixtures.SECRET).doesNotContain("secret");
		assertThat(withoutBank.status()).isEqualTo(400);
		assertThat(shortSecret.status()).isEqualTo(400);
		assertThat(notAChannel.status()).isEqualTo(400);
		assertThat(duplicate.code()).isEqualTo("DUPLICATE");
	}

	@Test
	void aCardIsIssuedSealedAndRecorded() {
		TestCard card = Fixtures.newCard("440305", "ICBC");

		Response response = post("cards", card.issueRequest());

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(response.text("/financialAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(response.text("/financialAccount/currency")).isEqualTo("CNY");
		assertThat(response.text("/financialAccount/type")).isEqualTo("DEBIT");
		assertThat(this.jdbc.queryForObject("select f.pin_hash is null from financial_accounts f join cards c "
				+ "on c.id = f.card_id where c.card_number = ?", Boolean.class, card.cardNumber())).isTrue();
		assertThat(events(card, "CARD_ISSUED")).isEqualTo(1);
	}

	@Test
	void theInitialPinOfANewCardIs123456() {
		TestCard card = this.given.card("440305", null);
		String window = this.given.window("SERVICE_HALL", "440305");

		Response response = this.api.post(card.path("/social-security-account/activation"), window,
				Map.of("currentPin", "123456", "newPin", "802514", "phone", "13812345678"));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void onlyRmbDebitAccountsAreIssued() {
		TestCard usd = Fixtures.newCard("440305", "ICBC");
		TestCard credit = Fixtures.newCard("440305", "ICBC");

		Response currency = post("cards", withAccount(usd, "USD", "DEBIT"));
		Response type = post("cards", withAccount(credit, "CNY", "CREDIT"));
		Response explicit = post("cards", withAccount(Fixtures.newCard("440305", "ICBC"), "CNY", "DEBIT"));

		assertThat(currency.status()).isEqualTo(422);
		assertThat(currency.code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
		assertThat(type.status()).isEqualTo(422);
		assertThat(type.code()).isEqualTo("CREDIT_NOT_SUPPORTED");
		assertThat(explicit.status()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select count(*) from cards where card_number in (?, ?)", Integer.class,
				usd.cardNumber(), credit.cardNumber())).isZero();
	}

	@Test
	void anIdNumberOnFileUnderAnotherNameIsRefused() {
		TestCard first = this.given.card("440305", null);
		TestCard sameId = new TestCard(Fixtures.newCard("440305", null).cardNumber(), first.idNumber(), "另一个人",
				"440305", null, null);
		TestCard second = new TestCard(Fixtures.newCard("440305", null).cardNumber(), first.idNumber(), first.name(),
				"440305", null, null);

		Response mismatch = post("cards", sameId.issueRequest());
		Response sameHolder = post("cards", second.issueRequest());

		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.code()).isEqualTo("IDENTITY_MISMATCH");
		assertThat(sameHolder.status()).as("one person, one card").isEqualTo(409);
		assertThat(sameHolder.code()).isEqualTo("HOLDER_HAS_CARD");
	}

	@Test
	void cardAndAccountNumbersAreUnique() {
		TestCard card = this.given.card("440305", "ICBC");
		TestCard sameAccount = new TestCard(Fixtures.newCard("440305", null).cardNumber(),
				Fixtures.newCard("440305", null).idNumber(), "某人", "440305", "ICBC", card.accountNumber());

		assertThat(post("cards", card.issueRequest()).code()).isEqualTo("DUPLICATE");
		assertThat(post("cards", sameAccount.issueRequest()).code()).isEqualTo("DUPLICATE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "cardNumber:A1234567", "cardNumber:a12345678", "insuredRegionCode:4403",
			"idNumber:440305198503121013", "idNumber:440305198502301012", "idNumber:44030519850312101",
			"accountNumber:6222024000000000015", "accountNumber:622202400000001", "bankCode:icbc", "name:",
			"type:SAVINGS" })
	void cardFieldsAreChecked(String fieldAndValue) {
		String[] parts = fieldAndValue.split(":", 2);
		TestCard card = Fixtures.newCard("440305", "ICBC");
		Map<String, Object> body = new LinkedHashMap<>(card.issueRequest());
		Map<String, Object> holder = new LinkedHashMap<>(Map.of("idNumber", card.idNumber(), "name", card.name()));
		Map<String, Object> account = new LinkedHashMap<>(
				Map.of("bankCode", "ICBC", "accountNumber", card.accountNumber()));
		switch (parts[0]) {
			case "idNumber", "name" -> holder.put(parts[0], parts[1]);
			case "accountNumber", "bankCode", "type" -> account.put(parts[0], parts[1]);
			default -> body.put(parts[0], parts[1]);
		}
		body.put("holder", holder);
		body.put("financialAccount", account);

		Response response = post("cards", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().get("errors").size()).isPositive();
	}

	@Test
	void anUnknownNestedPropertyIsNamedByItsPath() {
		TestCard card = Fixtures.newCard("440305", null);
		Map<String, Object> body = new LinkedHashMap<>(card.issueRequest());
		body.put("holder", Map.of("idNumber", card.idNumber(), "name", card.name(), "extra", "x"));

		Response response = post("cards", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("/errors/0/field")).isEqualTo("holder.extra");
	}

	@Test
	void onlyAdministratorsAdminister() {
		String teller = this.given.teller("440305", "ICBC");

		Response response = this.api.post("/api/v1/admin/branches", teller, branch("ADM-" + Fixtures.next(),
				"SERVICE_HALL", "440305", null));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("FORBIDDEN");
	}

	static Map<String, Object> withAccount(TestCard card, String currency, String type) {
		Map<String, Object> body = new LinkedHashMap<>(card.issueRequest());
		body.put("financialAccount",
				Map.of("bankCode", "ICBC", "accountNumber", card.accountNumber(), "currency", currency, "type", type));
		return body;
	}

}
