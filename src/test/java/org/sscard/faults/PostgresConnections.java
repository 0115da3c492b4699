package org.sscard.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC connections as user postgres, trusted from 127.0.0.1 on the fault tests' servers. */
final class PostgresConnections {

	private PostgresConnections() {
	}

	static Connection open(int port, String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
	}

	static void execute(int port, String database, String sql) throws SQLException {
		try (Connection connection = open(port, database); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
