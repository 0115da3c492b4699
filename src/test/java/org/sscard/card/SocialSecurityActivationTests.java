package org.sscard.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

class SocialSecurityActivationTests extends ApiTest {

	static final String SHENZHEN_NANSHAN = "440305";

	static final String SHENZHEN_FUTIAN = "440304";

	static final String GUANGZHOU = "440106";

	static final String ACTIVATION = "/social-security-account/activation";

	static Map<String, Object> activation(String currentPin, String newPin, String phone) {
		return Map.of("currentPin", currentPin, "newPin", newPin, "phone", phone);
	}

	@Test
	void hospitalWindowInTheInsuredCityActivatesWithANewPinAndPhone() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, "ICBC");
		String hospital = this.given.window("HOSPITAL", SHENZHEN_FUTIAN);

		Response response = this.api.post(card.path(ACTIVATION), hospital,
				activation("123456", "802514", "+86 138-1234-5678"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/socialSecurityAccount/status")).isEqualTo("ACTIVE");
		assertThat(response.text("/socialSecurityAccount/activationChannel")).isEqualTo("HOSPITAL");
		assertThat(response.text("/socialSecurityAccount/activatedAtBranch")).startsWith("T-H-");
		assertThat(response.text("/socialSecurityAccount/activatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(response.text("/holder/phone")).isEqualTo("138****5678");
		assertThat(response.text("/financialAccount/status")).isEqualTo("PENDING_ACTIVATION");
		assertThat(this.jdbc.queryForObject(
				"select h.phone from cardholders h join cards c on c.holder_id = h.id where c.card_number = ?",
				String.class, card.cardNumber()))
			.isEqualTo("13812345678");
	}

	@Test
	void bankTellerInTheInsuredCityActivatesThroughTheBankCounter() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String teller = this.given.teller(SHENZHEN_FUTIAN, "BOC");

		Response response = this.api.post(card.path(ACTIVATION), teller, activation("123456", "802514", "13912345678"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text("/socialSecurityAccount/activationChannel")).isEqualTo("BANK_COUNTER");
	}

	@Test
	void aWindowInAnotherCityIsToldWhereTheHolderIsInsured() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String guangzhou = this.given.window("PHARMACY", GUANGZHOU);

		Response response = this.api.post(card.path(ACTIVATION), guangzhou, activation("123456", "802514", "13912345678"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("OUTSIDE_INSURED_REGION");
		assertThat(response.text("/detail")).contains(SHENZHEN_NANSHAN);
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void channelClientsMayNotActivateTheSocialSecurityAccount() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String wechat = this.given.client("WECHAT", null);

		Response response = this.api.post(card.path(ACTIVATION), wechat, activation("123456", "802514", "13912345678"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anUnknownCardIsNotFound() {
		String window = this.given.window("HOSPITAL", SHENZHEN_NANSHAN);

		Response response = this.api.post("/api/v1/cards/Z99999999" + ACTIVATION, window,
				activation("123456", "802514", "13912345678"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("CARD_NOT_FOUND");
	}

	@Test
	void wrongCurrentPinsAreCountedUntilTheAccountLocks() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response first = this.api.post(card.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));
		Response second = this.api.post(card.path(ACTIVATION), window, activation("111111", "802514", "13912345678"));
		Response third = this.api.post(card.path(ACTIVATION), window, activation("222222", "802514", "13912345678"));
		Response rightPinTooLate = this.api.post(card.path(ACTIVATION), window,
				activation("123456", "802514", "13912345678"));

		assertThat(first.status()).isEqualTo(422);
		assertThat(first.code()).isEqualTo("PIN_MISMATCH");
		assertThat(first.json().get("remainingAttempts").asInt()).isEqualTo(2);
		assertThat(second.json().get("remainingAttempts").asInt()).isEqualTo(1);
		assertThat(third.status()).isEqualTo(423);
		assertThat(third.code()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(rightPinTooLate.status()).isEqualTo(423);
		assertThat(rightPinTooLate.code()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(socialSecurityStatus(card)).isEqualTo("LOCKED");
		assertThat(actions(card)).containsExactly("REJECTED:ACCOUNT_LOCKED", "LOCKED:ACCOUNT_LOCKED",
				"PIN_MISMATCH:PIN_MISMATCH", "PIN_MISMATCH:PIN_MISMATCH", "CARD_ISSUED:null");
	}

	@Test
	void aSuccessResetsTheMismatchCount() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		this.api.post(card.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));
		this.api.post(card.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));
		Response success = this.api.post(card.path(ACTIVATION), window, activation("123456", "802514", "13912345678"));

		assertThat(success.status()).isEqualTo(200);
		assertThat(mismatchCount(card)).isZero();
	}

	@Test
	void theCountOfARejectedCallIsKeptWhileTheRestOfTheCallIsUndone() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response response = this.api.post(card.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));

		assertThat(response.code()).isEqualTo("PIN_MISMATCH");
		assertThat(mismatchCount(card)).isEqualTo(1);
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");
		assertThat(this.api.get(card.path(""), window).json().at("/holder/phone").isNull()).isTrue();
	}

	@Test
	void anActiveAccountCannotBeActivatedAgain() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		this.api.post(card.path(ACTIVATION), window, activation("123456", "802514", "13912345678"));

		Response again = this.api.post(card.path(ACTIVATION), window, activation("802514", "731946", "13912345678"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_ACTIVE");
	}

	@Test
	void theInitialPinCannotBeKept() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response response = this.api.post(card.path(ACTIVATION), window, activation("123456", "123456", "13912345678"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("INITIAL_PIN_NOT_ALLOWED");
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@ParameterizedTest
	@ValueSource(strings = { "000000", "777777", "012345", "345678", "456789", "987654", "543210" })
	void weakPinsAreRefused(String weak) {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response response = this.api.post(card.path(ACTIVATION), window, activation("123456", weak, "13912345678"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("WEAK_PIN");
		assertThat(socialSecurityStatus(card)).isEqualTo("PENDING_ACTIVATION");
	}

	@Test
	void theHoldersBirthDateAndTheLastSixOfTheIdNumberAreWeak() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		String birthDate = card.idNumber().substring(8, 14);
		String lastSix = card.idNumber().substring(12);

		Response birth = this.api.post(card.path(ACTIVATION), window, activation("123456", birthDate, "13912345678"));
		Response idTail = lastSix.matches("\\d{6}")
				? this.api.post(card.path(ACTIVATION), window, activation("123456", lastSix, "13912345678")) : birth;

		assertThat(birth.code()).isEqualTo("WEAK_PIN");
		assertThat(idTail.code()).isEqualTo("WEAK_PIN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "1234567", "12a456", "" })
	void aNewPinIsExactlySixDigits(String malformed) {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response response = this.api.post(card.path(ACTIVATION), window, activation("123456", malformed, "13912345678"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("newPin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "+1 138 1234 5678", "phone", "010-12345678" })
	void thePhoneIsAMainlandMobileNumber(String malformed) {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);

		Response response = this.api.post(card.path(ACTIVATION), window, activation("123456", "802514", malformed));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void theAccountStateIsCheckedBeforeThePinAndThePinBeforeThePolicy() {
		TestCard locked = this.given.card(SHENZHEN_NANSHAN, null);
		TestCard pending = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		for (int i = 0; i < 3; i++) {
			this.api.post(locked.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));
		}

		Response lockedAndWrong = this.api.post(locked.path(ACTIVATION), window,
				activation("000000", "111111", "13912345678"));
		Response wrongAndWeak = this.api.post(pending.path(ACTIVATION), window,
				activation("000000", "111111", "13912345678"));

		assertThat(lockedAndWrong.code()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(wrongAndWeak.code()).isEqualTo("PIN_MISMATCH");
	}

	@Test
	void sixteenConcurrentActivationsOfOneAccountSucceedExactlyOnce() throws Exception {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Callable<Response> call = () -> {
				start.await();
				return this.api.post(card.path(ACTIVATION), window, activation("123456", "802514", "13912345678"));
			};
			calls.add(pool.submit(call));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Response> call : calls) {
			statuses.add(call.get().status());
		}
		pool.shutdown();

		assertThat(statuses).filteredOn((s) -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s != 200).allMatch((s) -> s == 409);
		assertThat(events(card, "ACTIVATED"))
			.isEqualTo(1);
	}

	@Test
	void concurrentWrongPinsLoseNoIncrement() throws Exception {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			calls.add(pool.submit(() -> {
				start.await();
				return this.api.post(card.path(ACTIVATION), window, activation("000000", "802514", "13912345678"));
			}));
		}
		start.countDown();
		List<String> codes = new ArrayList<>();
		for (Future<Response> call : calls) {
			codes.add(call.get().code());
		}
		pool.shutdown();

		assertThat(codes).containsExactlyInAnyOrder("PIN_MISMATCH", "PIN_MISMATCH", "ACCOUNT_LOCKED");
		assertThat(mismatchCount(card)).isEqualTo(3);
		assertThat(socialSecurityStatus(card)).isEqualTo("LOCKED");
	}

	@Test
	void activationIsAuditedWithActorBranchChannelAndPhoneChange() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("PHARMACY", SHENZHEN_NANSHAN);
		this.api.post(card.path(ACTIVATION), window, activation("123456", "802514", "13912345678"));

		Response events = this.api.get(card.path("/events"), window);

		assertThat(events.status()).isEqualTo(200);
		assertThat(events.text("/0/action")).isEqualTo("ACTIVATED");
		assertThat(events.text("/0/account")).isEqualTo("SOCIAL_SECURITY");
		assertThat(events.text("/0/outcome")).isEqualTo("SUCCEEDED");
		assertThat(events.text("/0/channel")).isEqualTo("PHARMACY");
		assertThat(events.text("/0/branchCode")).startsWith("T-P-");
		assertThat(events.text("/0/actor")).startsWith("service.window.");
		assertThat(events.text("/0/phoneAfter")).isEqualTo("139****5678");
		assertThat(events.json().get(0).get("code").isNull()).isTrue();
	}

	@Test
	void theDatabaseHoldsNoPinInClear() {
		TestCard card = this.given.card(SHENZHEN_NANSHAN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN_NANSHAN);
		this.api.post(card.path(ACTIVATION), window, activation("123456", "836402", "13912345678"));

		String everything = this.jdbc.queryForObject("select concat_ws('|', (select string_agg(a::text, '|') from "
				+ "social_security_accounts a), (select string_agg(f::text, '|') from financial_accounts f), "
				+ "(select string_agg(e::text, '|') from activation_events e), (select string_agg(h::text, '|') from cardholders h))",
				String.class);
		assertThat(everything).doesNotContain("836402");
		String accounts = this.jdbc.queryForObject("select string_agg(a::text, '|') from social_security_accounts a",
				String.class);
		assertThat(accounts).doesNotContain("123456");
		byte[] hash = this.jdbc.queryForObject("select a.pin_hash from social_security_accounts a join cards c "
				+ "on c.id = a.card_id where c.card_number = ?", byte[].class, card.cardNumber());
		assertThat(hash).hasSize(32);
	}

	List<String> actions(TestCard card) {
		return this.jdbc.queryForList("select e.action || ':' || coalesce(e.code, 'null') from activation_events e "
				+ "join cards c on c.id = e.card_id where c.card_number = ? order by e.occurred_at desc, e.id desc",
				String.class, card.cardNumber());
	}

}
