package org.sscard.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;
import org.sscard.shared.RegionCode;
import org.sscard.support.ApiTest;
import org.sscard.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names behind codes that the console shows: every province and every region and bank of the
 * demo data is named, branches are read from their records, and only signed-in callers get them.
 * With the demo data (as {@code DemoDataTests}, so the context is shared).
 */
@TestPropertySource(properties = "sscard.demo-data=true")
class ReferenceDataTests extends ApiTest {

	@Test
	void everyProvinceAndEveryRegionAndBankOfTheDemoDataIsNamed() {
		Response answer = this.api.get("/api/v1/reference", this.given.window("HOSPITAL", "440305"));
		assertThat(answer.status()).isEqualTo(200);
		Map<String, JsonNode> regions = byCode(answer.json().get("regions"));
		Map<String, JsonNode> banks = byCode(answer.json().get("banks"));

		List<String> provinces = IntStream.range(10, 100)
			.mapToObj((prefix) -> prefix + "0000")
			.filter(RegionCode::isValid)
			.toList();
		assertThat(provinces).hasSize(34);
		assertThat(regions).containsKeys(provinces.toArray(String[]::new));

		// The demo's branches are the ones opened by "system"; its cards are insured in their regions.
		List<Map<String, Object>> demo = this.jdbc.queryForList("select b.region_code, b.bank_code from branches b "
				+ "join admin_events e on e.subject = b.code and e.action = 'BRANCH_OPENED' and e.actor = 'system'");
		assertThat(demo).hasSizeGreaterThanOrEqualTo(9);
		Set<String> demoRegions = demo.stream().map((row) -> (String) row.get("region_code")).collect(Collectors.toSet());
		demoRegions.addAll(this.jdbc.queryForList(
				"select insured_region_code from cards where card_number ~ '^(A1|B2)000000[0-9]$'", String.class));
		for (String region : demoRegions) {
			assertThat(regions).as(region).containsKeys(region, region.substring(0, 4) + "00");
		}
		assertThat(demo.stream().map((row) -> (String) row.get("bank_code")).filter((bank) -> bank != null))
			.allSatisfy((bank) -> assertThat(banks).containsKey(bank));

		assertThat(regions.get("440305").get("name").asString()).isEqualTo("南山区");
		assertThat(regions.get("440300").get("name").asString()).isEqualTo("深圳市");
		assertThat(regions.get("440305").get("nameEn").asString()).isEqualTo("Nanshan");
		assertThat(banks.get("ICBC").get("name").asString()).isEqualTo("中国工商银行");
	}

	@Test
	void aBranchIsReadFromItsRecord() {
		String token = this.given.teller("440106", "CCB");

		Response branch = this.api.get("/api/v1/reference/branches/SZ-ICBC-01", token);

		assertThat(branch.status()).isEqualTo(200);
		assertThat(branch.text("/name")).isEqualTo("工商银行深圳南山支行");
		assertThat(branch.text("/kind")).isEqualTo("BANK_BRANCH");
		assertThat(branch.text("/regionCode")).isEqualTo("440305");
		assertThat(branch.text("/bankCode")).isEqualTo("ICBC");
		assertThat(this.api.get("/api/v1/reference/branches/SZ-HOSP-01", token).json().get("bankCode").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/reference/branches/NO-SUCH-BRANCH", token).code()).isEqualTo("NOT_FOUND");
		assertThat(this.api.get("/api/v1/reference/branches/sz-icbc-01", token).code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void onlySignedInCallersGetThem() {
		assertThat(this.api.get("/api/v1/reference", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/reference/branches/SZ-ICBC-01", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/reference", this.given.client("WECHAT", null)).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/reference", this.given.adminToken()).status()).isEqualTo(200);
	}

	private static Map<String, JsonNode> byCode(JsonNode list) {
		return list.valueStream().collect(Collectors.toMap((node) -> node.get("code").asString(), (node) -> node));
	}

}
