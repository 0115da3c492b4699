package org.sscard.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole service on a random port against a real PostgreSQL,
 * called over HTTP exactly as its clients call it. One application context is shared by all
 * subclasses; every test creates its own branches, staff and cards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabase.class)
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

}
