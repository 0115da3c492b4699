package org.sscard.card;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.support.Api.Response;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that waited on a card's lock for another change must see everything the other wrote:
 * the card's holder and both accounts, as they were when the lock was released, or it would decide
 * on stale state and its write would meet a newer version. A load that shares a statement (and so
 * a snapshot) with the lock's wait breaks this unless each part is read by a lock of its own;
 * docs/performance.md, fifth pass, tells how these tests caught it. Each test holds the card's lock
 * in a transaction of its own, writes one part, lets the call queue behind it, and commits.
 */
class CardLockTests extends ApiTest {

	static final String SHENZHEN = "440305";

	@Autowired
	DataSource dataSource;

	@Test
	void aSocialSecurityActivationSeesTheHoldersPhoneThatTheChangeBeforeItWrote() throws Exception {
		TestCard card = this.given.card(SHENZHEN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN);

		Response response = queuedBehind(card, "update cardholders set phone = '13900000009', version = version + 1 "
				+ "where id = (select holder_id from cards where card_number = ?)",
				() -> activateSocialSecurity(card, window, "123456"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select e.phone_before from activation_events e join cards c "
				+ "on c.id = e.card_id where c.card_number = ? and e.action = 'ACTIVATED'", String.class,
				card.cardNumber())).isEqualTo("13900000009");
	}

	@Test
	void aSocialSecurityActivationSeesTheMismatchesThatTheChangeBeforeItCounted() throws Exception {
		TestCard card = this.given.card(SHENZHEN, null);
		String window = this.given.window("SERVICE_HALL", SHENZHEN);

		Response response = queuedBehind(card, "update social_security_accounts set pin_mismatch_count = 2, "
				+ "version = version + 1 where card_id = (select id from cards where card_number = ?)",
				() -> activateSocialSecurity(card, window, "000000"));

		assertThat(response.code()).isEqualTo("ACCOUNT_LOCKED");
		assertThat(mismatchCount(card)).isEqualTo(3);
	}

	@Test
	void aFinancialActivationSeesTheAccountAsTheChangeBeforeItLeftIt() throws Exception {
		TestCard card = this.given.card(SHENZHEN, "ICBC");
		String teller = this.given.teller(SHENZHEN, "ICBC");

		Response response = queuedBehind(card, "update financial_accounts set version = version + 1 "
				+ "where card_id = (select id from cards where card_number = ?)",
				() -> this.api.post(card.path("/financial-account/activation"), teller, Map.of("idNumber",
						card.idNumber(), "holderName", card.name(), "phone", "13812345678", "newPin", "802514")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(financialStatus(card)).isEqualTo("ACTIVE");
	}

	private Response activateSocialSecurity(TestCard card, String window, String currentPin) {
		return this.api.post(card.path("/social-security-account/activation"), window,
				Map.of("currentPin", currentPin, "newPin", "802514", "phone", "13812345678"));
	}

	/**
	 * Runs {@code call} while another transaction holds the card's lock and has run {@code write}
	 * (given the card number); commits that transaction once the call waits for the lock, and
	 * returns the call's answer.
	 */
	private Response queuedBehind(TestCard card, String write, Supplier<Response> call) throws Exception {
		CompletableFuture<Response> response;
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var lock = other.prepareStatement("select id from cards where card_number = ? for no key update");
					var update = other.prepareStatement(write)) {
				lock.setString(1, card.cardNumber());
				lock.executeQuery().close();
				update.setString(1, card.cardNumber());
				assertThat(update.executeUpdate()).isEqualTo(1);
			}
			response = CompletableFuture.supplyAsync(call);
			awaitALockWait();
			other.commit();
		}
		return response.get();
	}

	private void awaitALockWait() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (this.jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
				+ "and wait_event_type = 'Lock' and query like '%for no key update%'", Integer.class) == 0) {
			assertThat(Instant.now()).as("the call waits for the card's lock").isBefore(deadline);
			Thread.sleep(10);
		}
	}

}
