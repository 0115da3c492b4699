package org.sscard.schema;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.sscard.support.ApiTest;
import org.sscard.support.Fixtures.TestCard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database keeps the domain's rules even against writers that bypass the service. */
class SchemaTests extends ApiTest {

	Long cardId(TestCard card) {
		return this.jdbc.queryForObject("select id from cards where card_number = ?", Long.class, card.cardNumber());
	}

	@Test
	void eventsCannotBeUpdatedDeletedOrTruncated() {
		TestCard card = this.given.card("440305", null);
		Long id = cardId(card);

		assertThatThrownBy(() -> this.jdbc.update("update activation_events set actor = 'someone' where card_id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from activation_events where card_id = ?", id))
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("truncate activation_events cascade"))
			.hasStackTraceContaining("append-only");
		assertThat(this.jdbc.queryForObject("select count(*) from activation_events where card_id = ?", Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void theFinancialAccountIsRmbDebitOnly() {
		TestCard card = this.given.card("440305", "ICBC");
		Long id = cardId(card);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update financial_accounts set currency = 'USD' where card_id = ?", id));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update financial_accounts set type = 'CREDIT' where card_id = ?", id));
	}

	@Test
	void statusesAreClosedSets() {
		TestCard card = this.given.card("440305", "ICBC");
		Long id = cardId(card);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update social_security_accounts set status = 'OPEN' where card_id = ?", id));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update cards set status = 'LOST' where id = ?", id));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update social_security_accounts set pin_mismatch_count = -1 where card_id = ?", id));
	}

	@Test
	void numbersAndCodesAreUnique() {
		TestCard card = this.given.card("440305", "ICBC");
		TestCard other = this.given.card("440305", "ICBC");
		String hospital = this.given.branch("HOSPITAL", "440305", null);

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.update("update cards set card_number = ? where card_number = ?", card.cardNumber(), other.cardNumber()));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"update financial_accounts set account_number = ? where card_id = ?", card.accountNumber(), cardId(other)));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"update cardholders set id_number = (select h.id_number from cardholders h join cards c on c.holder_id = h.id "
						+ "where c.card_number = ?) where id = (select holder_id from cards where card_number = ?)",
				card.cardNumber(), other.cardNumber()));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(
				() -> this.jdbc.update("insert into branches (code, name, kind, region_code) select code, name, kind, "
						+ "region_code from branches where code = ?", hospital));
	}

	@Test
	void aBankBranchHasABankAndOthersDoNot() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.update("insert into branches (code, name, kind, region_code) values ('SCHEMA-1', 'x', 'BANK_BRANCH', '440305')"));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(
				"insert into branches (code, name, kind, region_code, bank_code) values ('SCHEMA-2', 'x', 'HOSPITAL', '440305', 'ICBC')"));
	}

	@Test
	void everyLookupPathHasAnIndex() {
		for (String index : new String[] { "cards_card_number_uk", "cards_holder_ix", "cardholders_id_number_uk",
				"branches_code_uk", "operators_username_uk", "channel_clients_client_id_uk",
				"fin_accounts_account_number_uk", "events_card_id_ix" }) {
			assertThat(this.jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class, index))
				.as(index)
				.isEqualTo(1);
		}
	}

	/**
	 * Every audit insert (each activation, verification and refusal) writes each of the table's
	 * indexes: an index no query reads is pure cost on the hot path (V10 dropped the last one).
	 */
	@Test
	void theAuditTrailCarriesOnlyIndexesThatAQueryReads() {
		assertThat(this.jdbc.queryForList("select indexname from pg_indexes where tablename = 'activation_events'",
				String.class))
			.as("the primary key, the per-card history's (card_id, id desc), and the feed's state changes by "
					+ "transaction (partial)")
			.containsExactlyInAnyOrder("activation_events_pkey", "events_card_id_ix", "activation_events_feed_ix");
	}

}
