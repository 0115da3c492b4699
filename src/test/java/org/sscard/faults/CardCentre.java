package org.sscard.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sscard.faults.TellerLoad.Call;
import org.sscard.faults.TellerLoad.Holder;
import org.sscard.faults.TellerLoad.Kind;
import org.sscard.support.Api;

/**
 * The data of the fault tests: cards seeded in SQL by bench/seed.sql (Shenzhen Nanshan, ICBC),
 * the last {@code active} of them made active under PIN 802514 as bench/run does, a teller of an
 * ICBC branch and a hospital window in Nanshan created through the API, and the checks made
 * afterwards on the database itself.
 */
final class CardCentre {

	static final String TELLER = "fault.teller";

	static final String WINDOW = "fault.window";

	private static final String PASSWORD = "fault-password-2026";

	/** Tellers and windows each: every worker of the load is a counter of its own, signed in as its own clerk. */
	static final int STAFF = 4;

	private final List<Holder> sealed;

	private final List<String> active;

	private String probeToken;

	/** The next sealed card to activate, across every load of a test: a card is activated once. */
	private final java.util.concurrent.atomic.AtomicInteger nextSealed = new java.util.concurrent.atomic.AtomicInteger();

	private CardCentre(List<Holder> sealed, List<String> active) {
		this.sealed = sealed;
		this.active = active;
	}

	/**
	 * Seeds {@code cards} cards into the database the instance at {@code port} runs on (reached by
	 * psql at {@code host}:{@code dbPort}/{@code database}) and creates the staff through the API.
	 */
	static CardCentre prepare(int dbPort, String database, int port, ServiceInstance.Secrets secrets, int cards,
			int active) throws SQLException {
		Commands.run("psql", "-h", "127.0.0.1", "-p", Integer.toString(dbPort), "-U", "postgres", "-d", database, "-q",
				"-v", "ON_ERROR_STOP=1", "-v", "cards=" + cards, "-v", "pin_key=" + secrets.pinKey(), "-v",
				"pin_key_id=" + ServiceInstance.Secrets.PIN_KEY_ID, "-f", "bench/seed.sql");
		Commands.run("psql", "-h", "127.0.0.1", "-p", Integer.toString(dbPort), "-U", "postgres", "-d", database, "-q",
				"-v", "ON_ERROR_STOP=1", "-c", "create extension if not exists pgcrypto", "-c",
				"update social_security_accounts set status = 'ACTIVE', activated_at = now(), "
						+ "activated_at_branch = 'FAULT-HOSP', activation_channel = 'HOSPITAL', pin_hash = hmac(pin_salt "
						+ "|| convert_to('802514', 'UTF8'), decode('" + secrets.pinKey() + "', 'base64'), 'sha256') "
						+ "where card_id > " + (cards - active));
		Api api = new Api(port);
		String admin = api.token(ServiceInstance.Secrets.ADMIN, secrets.adminPassword());
		created(api.post("/api/v1/admin/branches", admin, Map.of("code", "FAULT-ICBC", "name", "Fault ICBC", "kind",
				"BANK_BRANCH", "regionCode", "440305", "bankCode", "ICBC")));
		created(api.post("/api/v1/admin/branches", admin,
				Map.of("code", "FAULT-HOSP", "name", "Fault hospital", "kind", "HOSPITAL", "regionCode", "440305")));
		for (int i = 0; i < STAFF; i++) {
			created(api.post("/api/v1/admin/operators", admin,
					Map.of("username", TELLER + i, "password", PASSWORD, "role", "TELLER", "branchCode", "FAULT-ICBC")));
			created(api.post("/api/v1/admin/operators", admin, Map.of("username", WINDOW + i, "password", PASSWORD,
					"role", "SERVICE_WINDOW", "branchCode", "FAULT-HOSP")));
		}

		List<Holder> sealed = new ArrayList<>();
		List<String> activeCards = new ArrayList<>();
		try (Connection db = PostgresConnections.open(dbPort, database);
				PreparedStatement query = db.prepareStatement("select c.id, c.card_number, h.id_number, h.name "
						+ "from cards c join cardholders h on h.id = c.holder_id order by c.id");
				ResultSet rows = query.executeQuery()) {
			while (rows.next()) {
				if (rows.getLong(1) > cards - active) {
					activeCards.add(rows.getString(2));
				}
				else {
					sealed.add(new Holder(rows.getString(2), rows.getString(3), rows.getString(4)));
				}
			}
		}
		return new CardCentre(sealed, activeCards);
	}

	private static void created(Api.Response response) {
		if (response.status() != 201) {
			throw new AssertionError("set-up call failed: " + response);
		}
	}

	/** Load on {@code baseUrl}, with tokens signed in at the instance on {@code port}. */
	TellerLoad load(String baseUrl, int port, int activators, int verifiers) {
		Api api = new Api(port);
		List<String> tellers = new ArrayList<>();
		List<String> windows = new ArrayList<>();
		for (int i = 0; i < activators; i++) {
			tellers.add(api.token(TELLER + i, PASSWORD));
		}
		for (int i = 0; i < verifiers; i++) {
			windows.add(api.token(WINDOW + i, PASSWORD));
		}
		return new TellerLoad(baseUrl, tellers, windows, this.sealed, this.nextSealed, this.active);
	}

	/** One PIN verification with a key of its own, straight to the instance: true if answered 200. */
	boolean probe(int port) {
		try {
			Api api = new Api(port);
			String token = (this.probeToken != null) ? this.probeToken : api.token(WINDOW + (STAFF - 1), PASSWORD);
			this.probeToken = token;
			return api.post("/api/v1/cards/" + this.active.get(this.active.size() - 1) + "/social-security-account/pin-verification", token,
					Map.of("pin", "802514"), Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()))
				.status() == 200;
		}
		catch (RuntimeException | AssertionError ex) {
			return false;
		}
	}

	/**
	 * Acknowledged calls whose effect the database does not hold: an activation whose card does not
	 * have both accounts ACTIVE, or any call whose Idempotency-Key is not stored as answered 200
	 * (a retry of it would not get its answer back).
	 */
	static List<String> lost(Connection db, List<Call> calls) throws SQLException {
		List<Call> acknowledged = calls.stream().filter(Call::acknowledged).toList();
		List<String> lost = new ArrayList<>(missing(db, "select c.card_number from cards c "
				+ "join social_security_accounts s on s.card_id = c.id join financial_accounts f on f.card_id = c.id "
				+ "where c.card_number = any(?) and s.status = 'ACTIVE' and f.status = 'ACTIVE'",
				acknowledged.stream().filter((c) -> c.kind() == Kind.ACTIVATION).map(Call::cardNumber).toList()));
		for (Kind kind : Kind.values()) {
			String caller = (kind == Kind.ACTIVATION) ? TELLER : WINDOW;
			lost.addAll(missing(db, "select idempotency_key from idempotency_keys where caller like '" + caller
					+ "%' and idempotency_key = any(?) and state = 'COMPLETED' and response_status = 200",
					acknowledged.stream().filter((c) -> c.kind() == kind).map(Call::key).toList()).stream()
				.map((key) -> kind + " key " + key + " " + acknowledged.stream().filter((c) -> c.key().equals(key))
					.findFirst().map(Call::attempts).orElseThrow())
				.toList());
		}
		return lost;
	}

	private static List<String> missing(Connection db, String sql, List<String> expected) throws SQLException {
		List<String> missing = new ArrayList<>(expected);
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setArray(1, db.createArrayOf("varchar", expected.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					missing.remove(rows.getString(1));
				}
			}
		}
		return missing;
	}

	/** Cards of the load with one account active and the other not: combined activation is all or nothing. */
	int halfActivated(Connection db) throws SQLException {
		return count(db, "select count(*) from cards c "
				+ "join social_security_accounts s on s.card_id = c.id join financial_accounts f on f.card_id = c.id "
				+ "where c.card_number = any(?) and (s.status = 'ACTIVE') <> (f.status = 'ACTIVE')",
				this.sealed.stream().map(Holder::cardNumber).toArray(String[]::new));
	}

	private static int count(Connection db, String sql, String[] values) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			statement.setArray(1, db.createArrayOf("varchar", values));
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
