package org.sscard.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.sscard.shared.IdNumber;

/**
 * Sets up the world a test needs through the administration API, with fresh names and numbers
 * so that tests never share a branch, an operator or a card.
 */
public final class Fixtures {

	public static final String ADMIN = "root-admin";

	public static final String ADMIN_PASSWORD = "root-admin-password";

	public static final String PASSWORD = "test-password-123";

	public static final String SECRET = "test-client-secret-0123456789";

	private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

	private final Api api;

	private String adminToken;

	public Fixtures(Api api) {
		this.api = api;
	}

	public static int next() {
		return SEQUENCE.getAndIncrement();
	}

	public String adminToken() {
		if (this.adminToken == null) {
			this.adminToken = this.api.token(ADMIN, ADMIN_PASSWORD);
		}
		return this.adminToken;
	}

	public String branch(String kind, String regionCode, String bankCode) {
		String code = "T-" + kind.charAt(0) + "-" + next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", "Test " + kind + " " + code);
		body.put("kind", kind);
		body.put("regionCode", regionCode);
		body.put("bankCode", bankCode);
		expectCreated(this.api.post("/api/v1/admin/branches", adminToken(), body));
		return code;
	}

	/** A signed-in operator; returns the access token. */
	public String operator(String role, String branchCode) {
		String username = role.toLowerCase().replace('_', '.') + "." + next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("role", role);
		body.put("branchCode", branchCode);
		expectCreated(this.api.post("/api/v1/admin/operators", adminToken(), body));
		return this.api.token(username, PASSWORD);
	}

	public String teller(String regionCode, String bankCode) {
		return operator("TELLER", branch("BANK_BRANCH", regionCode, bankCode));
	}

	public String window(String kind, String regionCode) {
		return operator("SERVICE_WINDOW", branch(kind, regionCode, null));
	}

	/** A signed-in channel client; returns the access token. */
	public String client(String channel, String bankCode) {
		String clientId = channel.toLowerCase() + "-" + next();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clientId", clientId);
		body.put("secret", SECRET);
		body.put("channel", channel);
		body.put("bankCode", bankCode);
		expectCreated(this.api.post("/api/v1/admin/channel-clients", adminToken(), body));
		return this.api.token(clientId, SECRET);
	}

	/** Issues a card insured in {@code regionCode}, with a financial account at {@code bankCode} unless null. */
	public TestCard card(String regionCode, String bankCode) {
		TestCard card = newCard(regionCode, bankCode);
		expectCreated(this.api.post("/api/v1/admin/cards", adminToken(), card.issueRequest()));
		return card;
	}

	public static TestCard newCard(String regionCode, String bankCode) {
		int n = next();
		String idNumber = idNumber(regionCode, LocalDate.of(1960, 1, 1).plusDays(n), 100 + (n % 800));
		String accountNumber = (bankCode != null) ? luhn(String.format("62%016d", n)) : null;
		return new TestCard(String.format("T%08d", n), idNumber, "测试" + n, regionCode, bankCode, accountNumber);
	}

	public static String idNumber(String regionCode, LocalDate birth, int sequence) {
		String first17 = regionCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return first17 + IdNumber.checkCharacter(first17);
	}

	public static String luhn(String payload) {
		for (int d = 0; d < 10; d++) {
			String candidate = payload + d;
			int sum = 0;
			for (int i = 0; i < candidate.length(); i++) {
				int digit = candidate.charAt(candidate.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					digit = (digit * 2 > 9) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
			}
			if (sum % 10 == 0) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static void expectCreated(Api.Response response) {
		if (response.status() != 201) {
			throw new AssertionError("set-up call failed: " + response);
		}
	}

	public record TestCard(String cardNumber, String idNumber, String name, String regionCode, String bankCode,
			String accountNumber) {

		public Map<String, Object> issueRequest() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("cardNumber", this.cardNumber);
			body.put("holder", Map.of("idNumber", this.idNumber, "name", this.name));
			body.put("insuredRegionCode", this.regionCode);
			if (this.bankCode != null) {
				body.put("financialAccount", Map.of("bankCode", this.bankCode, "accountNumber", this.accountNumber));
			}
			return body;
		}

		public String path(String suffix) {
			return "/api/v1/cards/" + this.cardNumber + suffix;
		}

	}

}
