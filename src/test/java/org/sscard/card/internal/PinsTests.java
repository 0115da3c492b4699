package org.sscard.card.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PinsTests {

	static final String KEY_A = "a2V5LWEtMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYg==";

	static final String KEY_B = "a2V5LWItMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYg==";

	@Test
	void aPinMatchesItsOwnHashOnly() {
		Pins hasher = new Pins(new PinProperties(KEY_A, "a", Map.of(), 3, Map.of()));

		PinHash hash = hasher.hash("802514");

		assertThat(hasher.matches(hash, "802514")).isTrue();
		assertThat(hasher.matches(hash, "802515")).isFalse();
		assertThat(hash.hash()).hasSize(32);
		assertThat(hash.toString()).doesNotContain("802514");
	}

	@Test
	void eachHashHasItsOwnSalt() {
		Pins hasher = new Pins(new PinProperties(KEY_A, "a", Map.of(), 3, Map.of()));

		assertThat(hasher.hash("802514").hash()).isNotEqualTo(hasher.hash("802514").hash());
	}

	@Test
	void aRotatedKeyStillVerifiesOldHashesWhileNewHashesUseTheNewKey() {
		PinHash old = new Pins(new PinProperties(KEY_A, "a", Map.of(), 3, Map.of())).hash("802514");
		Pins rotated = new Pins(new PinProperties(KEY_B, "b", Map.of("a", KEY_A), 3, Map.of()));
		Pins forgotten = new Pins(new PinProperties(KEY_B, "b", Map.of(), 3, Map.of()));

		assertThat(rotated.matches(old, "802514")).isTrue();
		assertThat(rotated.hash("802514").keyId()).isEqualTo("b");
		assertThat(forgotten.matches(old, "802514")).isFalse();
	}

	@Test
	void theKeyIsRequiredAndLongEnough() {
		assertThatIllegalStateException().isThrownBy(() -> new PinProperties(null, "a", Map.of(), 3, Map.of()))
			.withMessageContaining("sscard.pin.key")
			.withMessageContaining("SSCARD_PIN_KEY");
		assertThatIllegalStateException()
			.isThrownBy(() -> new Pins(new PinProperties("c2hvcnQ=", "a", Map.of(), 3, Map.of())))
			.withMessageContaining("sscard.pin.key");
	}

	@Test
	void theLongestRegionPrefixSetsTheLockoutThreshold() {
		Pins pins = new Pins(new PinProperties(KEY_A, "a", Map.of(), 3, Map.of("51", 5, "5111", 6)));

		assertThat(pins.maxAttempts("511102")).isEqualTo(6);
		assertThat(pins.maxAttempts("510104")).isEqualTo(5);
		assertThat(pins.maxAttempts("440305")).isEqualTo(3);
		assertThatIllegalStateException().isThrownBy(() -> new PinProperties(KEY_A, "a", Map.of(), 3, Map.of("511", 6)))
			.withMessageContaining("sscard.pin.max-attempts-by-region.511");
		assertThatIllegalStateException().isThrownBy(() -> new PinProperties(KEY_A, "a", Map.of(), 3, Map.of("51", 0)));
	}

}
