package org.sscard.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.sscard.support.Fixtures.TestCard;

/**
 * Base of the integration tests: the whole service on a random port against a real PostgreSQL and
 * a real RabbitMQ, called over HTTP exactly as its clients call it. One application context is shared by all
 * subclasses; every test creates its own branches, staff and cards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabase.class, TestBroker.class })
@ActiveProfiles("test")
public abstract class ApiTest {

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api api;

	protected Fixtures given;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.given = new Fixtures(this.api);
	}

	protected int port() {
		return this.port;
	}

	/** The stored status of the card's social-security account, read from the database. */
	protected String socialSecurityStatus(TestCard card) {
		return this.jdbc.queryForObject("select a.status from social_security_accounts a join cards c on c.id = a.card_id "
				+ "where c.card_number = ?", String.class, card.cardNumber());
	}

	protected String financialStatus(TestCard card) {
		return this.jdbc.queryForObject("select f.status from financial_accounts f join cards c on c.id = f.card_id "
				+ "where c.card_number = ?", String.class, card.cardNumber());
	}

	protected int mismatchCount(TestCard card) {
		return this.jdbc.queryForObject("select a.pin_mismatch_count from social_security_accounts a join cards c "
				+ "on c.id = a.card_id where c.card_number = ?", Integer.class, card.cardNumber());
	}

	/** How many audit events with this action the card has. */
	protected int events(TestCard card, String action) {
		return this.jdbc.queryForObject("select count(*) from activation_events e join cards c on c.id = e.card_id "
				+ "where c.card_number = ? and e.action = ?", Integer.class, card.cardNumber(), action);
	}

}
