package org.sscard.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTypesTests {

	@ParameterizedTest
	@ValueSource(strings = { "440305198503121012", "44010320000101909X", "44010320000101909x", "110101199003074477" })
	void validIdNumbers(String id) {
		assertThat(IdNumber.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "440305198503121013", "440305198502301012", "440305185003121015", "44030519850312101",
			"4403051985031210123", "990305198503121012", "440305209903121017", "44030519850312101A" })
	void invalidIdNumbers(String id) {
		assertThat(IdNumber.isValid(id)).isFalse();
	}

	@Test
	void anIdNumberKnowsTheHoldersBirthDateAndLastSixAndHidesItself() {
		IdNumber id = IdNumber.parse("44010320000101909x");

		assertThat(id.value()).isEqualTo("44010320000101909X");
		assertThat(id.birthDateYymmdd()).isEqualTo("000101");
		assertThat(id.lastSix()).isEqualTo("01909X");
		assertThat(id.toString()).isEqualTo("4401**********909X");
	}

	@ParameterizedTest
	@CsvSource({ "13812345678,13812345678", "+8613812345678,13812345678", "+86 138 1234 5678,13812345678",
			"138-1234-5678,13812345678", "19912345678,19912345678" })
	void phonesAreNormalised(String typed, String stored) {
		assertThat(Phone.isValid(typed)).isTrue();
		assertThat(Phone.parse(typed).value()).isEqualTo(stored);
		assertThat(Phone.parse(typed).toString()).isEqualTo(Masking.phone(stored));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "138123456789", "+85213812345678", "0086 13812345678",
			"138.1234.5678", "", "138\t12345678", "138\n1234-5678" })
	void otherPhonesAreRefused(String typed) {
		assertThat(Phone.isValid(typed)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Phone.parse(typed));
		assertThatIllegalArgumentException().isThrownBy(() -> new Phone(typed));
	}

	@Test
	void idNumbersAndPhonesShareOneContract() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.parse("440305198503121013"));
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.parse(null));
		assertThatIllegalArgumentException().isThrownBy(() -> Phone.parse(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "6222024000000000014", "4111111111111111", "6217006000000000016" })
	void luhnAccountNumbers(String number) {
		assertThat(AccountNumber.isValid(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "6222024000000000015", "411111111111111", "62220240000000000141", "622202400000000001a" })
	void nonLuhnAccountNumbers(String number) {
		assertThat(AccountNumber.isValid(number)).isFalse();
	}

	@Test
	void regionCodesNameACityAndCompareByCity() {
		assertThat(RegionCode.isValid("440305")).isTrue();
		assertThat(RegionCode.isValid("440000")).isTrue();
		assertThat(RegionCode.isValid("44030")).isFalse();
		assertThat(RegionCode.isValid("000305")).isFalse();
		assertThat(RegionCode.sameCity("440305", "440304")).isTrue();
		assertThat(RegionCode.sameCity("440305", "440106")).isFalse();
	}

	@Test
	void masksKeepOnlyWhatTheContractAllows() {
		assertThat(Masking.name("张三")).isEqualTo("张*");
		assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
		assertThat(Masking.name("王")).isEqualTo("*");
		assertThat(Masking.idNumber("440305198503121012")).isEqualTo("4403**********1012");
		assertThat(Masking.accountNumber("6222024000000001234")).isEqualTo("6222***********1234");
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "111111", "000000", "012345", "234567", "456789", "987654", "876543", "543210",
			"850312", "121012" })
	void weakPinsAreRefused(String pin) {
		IdNumber holder = IdNumber.parse("440305198503121012");

		Rejection refusal = NewPin.refusal(pin, holder);

		assertThat(refusal.code()).isEqualTo(ErrorCode.WEAK_PIN);
		assertThat(refusal.detail()).doesNotContain(pin);
	}

	@ParameterizedTest
	@ValueSource(strings = { "802514", "135790", "112233", "567890", "098765" })
	void otherPinsAreAccepted(String pin) {
		assertThat(NewPin.refusal(pin, IdNumber.parse("440305198503121012"))).isNull();
	}

	@Test
	void theInitialPinHasItsOwnCode() {
		assertThat(NewPin.refusal("123456", IdNumber.parse("440305198503121012")).code())
			.isEqualTo(ErrorCode.INITIAL_PIN_NOT_ALLOWED);
	}

	@Test
	void namesAreCountedInCharactersNotUtf16Units() {
		String rare = new String(Character.toChars(0x20000));
		java.util.function.Predicate<String> name = ValidFormat.Format.NAME::test;

		assertThat(name.test(rare.repeat(50))).isTrue();
		assertThat(name.test(rare.repeat(51))).isFalse();
		assertThat(name.test("张伟")).isTrue();
		assertThat(name.test("  ")).isFalse();
		assertThat(name.test("张\u0000伟")).isFalse();
	}

}
