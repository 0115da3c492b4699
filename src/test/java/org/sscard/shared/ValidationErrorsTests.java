package org.sscard.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 400 names what is wrong in {@code errors}, also when the database or Tomcat refuses it. */
class ValidationErrorsTests extends ApiTest {

	@Test
	void aNameOfFiftyRareCharactersIsFiftyCharacters() {
		String rare = new String(Character.toChars(0x20000));
		TestCard fifty = Fixtures.newCard("440305", null);
		TestCard fiftyOne = Fixtures.newCard("440305", null);

		Response accepted = this.api.post("/api/v1/admin/cards", this.given.adminToken(), Map.of("cardNumber",
				fifty.cardNumber(), "holder", Map.of("idNumber", fifty.idNumber(), "name", rare.repeat(50)),
				"insuredRegionCode", "440305"));
		Response refused = this.api.post("/api/v1/admin/cards", this.given.adminToken(), Map.of("cardNumber",
				fiftyOne.cardNumber(), "holder", Map.of("idNumber", fiftyOne.idNumber(), "name", rare.repeat(51)),
				"insuredRegionCode", "440305"));

		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.text("/holder/name")).startsWith(rare).hasSize(2 + 49);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("/errors/0/field")).isEqualTo("holder.name");
	}

	@Test
	void aNulCharacterIsRefusedWithItsReasonAndChangesNothing() {
		String code = "NUL-" + Fixtures.next();

		Response response = this.api.post("/api/v1/admin/branches", this.given.adminToken(),
				Map.of("code", code, "name", "a\u0000b", "kind", "HOSPITAL", "regionCode", "440305"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().get("errors").size()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from branches where code = ?", Integer.class, code)).isZero();
	}

	@Test
	void aPathTomcatOrTheFirewallRefusesStillNamesWhatIsWrong() {
		Response nul = this.api.get("/api/v1/cards/A1%00000001", this.given.adminToken());
		Response traversal = this.api.get("/api/v1/cards/..;/x", this.given.adminToken());

		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().get("errors").size()).isEqualTo(1);
		assertThat(traversal.status()).isEqualTo(400);
		assertThat(traversal.json().get("errors").size()).isEqualTo(1);
	}

}
