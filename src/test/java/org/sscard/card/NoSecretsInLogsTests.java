package org.sscard.card;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole day at the counter, successes and every kind of failure, with request logging turned
 * up: no PIN, password, secret or full ID number may appear in any log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.org.sscard=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG" })
class NoSecretsInLogsTests extends ApiTest {

	@Test
	void noPinPasswordSecretOrIdNumberIsLogged(CapturedOutput output) {
		TestCard card = this.given.card("440305", "ICBC");
		TestCard second = this.given.card("440305", "ICBC");
		String window = this.given.window("HOSPITAL", "440305");
		String hall = this.given.window("SERVICE_HALL", "440305");
		String teller = this.given.teller("440305", "ICBC");
		String wechat = this.given.client("WECHAT", null);
		String ss = card.path("/social-security-account/activation");

		this.api.post(ss, window, Map.of("currentPin", "918273", "newPin", "645372", "phone", "13812345678"));
		this.api.post(ss, window, Map.of("currentPin", "123456", "newPin", "222222", "phone", "13812345678"));
		this.api.post(ss, window, Map.of("currentPin", "123456", "newPin", "64537", "phone", "13812345678"));
		this.api.post(ss, window, Map.of("currentPin", "123456", "newPin", "645372", "phone", "13812345678"));
		this.api.post(card.path("/financial-account/activation"), wechat, Map.of("idNumber", card.idNumber(),
				"holderName", "别人", "phone", "13812345678", "newPin", "574839"));
		this.api.post(card.path("/financial-account/activation"), wechat, Map.of("idNumber", card.idNumber(),
				"holderName", card.name(), "phone", "13812345678", "newPin", "574839"));
		this.api.post(card.path("/social-security-account/pin-reset"), hall,
				Map.of("idNumber", card.idNumber(), "holderName", card.name(), "newPin", "390817"));
		this.api.post(second.path("/activation"), teller, Map.of("idNumber", second.idNumber(), "holderName",
				second.name(), "phone", "13812345678", "currentPin", "918273", "socialSecurityPin", "645372",
				"financialPin", "574839"));
		this.api.post(second.path("/activation"), teller, "{\"idNumber\":\"" + second.idNumber() + "\",\"currentPin\":\"918273\"");
		String pins = card.path("/social-security-account");
		this.api.post(pins + "/pin-verification", window, Map.of("pin", "736251"));
		this.api.post(pins + "/pin-verification", window, Map.of("pin", "645372"));
		this.api.post(pins + "/pin-change", window, Map.of("currentPin", "817263", "newPin", "263748"));
		this.api.post(pins + "/pin-change", window, Map.of("currentPin", "645372", "newPin", "452617"));
		this.api.post(pins + "/unlock", hall, Map.of("idNumber", card.idNumber(), "holderName", card.name()));
		this.api.basic("/api/v1/auth/token", Fixtures.ADMIN, "wrong-password-guess");

		assertThat(output.getAll()).doesNotContain("918273", "645372", "574839", "390817", "64537\"")
			.doesNotContain("736251", "817263", "263748", "452617")
			.doesNotContain(card.idNumber(), second.idNumber())
			.doesNotContain(Fixtures.PASSWORD, Fixtures.SECRET, Fixtures.ADMIN_PASSWORD, "wrong-password-guess");
		assertThat(output.getAll()).contains("/financial-account/activation");
	}

}
