package org.sscard.shared;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells failures of the database's availability (answered 503) from everything else. */
public final class Failures {

	private Failures() {
	}

	public static boolean databaseUnavailable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessResourceException || t instanceof QueryTimeoutException
					|| t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
					|| t instanceof java.net.SocketTimeoutException
					|| (t instanceof java.sql.SQLException sql && connectionLost(sql))) {
				return true;
			}
			for (Throwable suppressed : t.getSuppressed()) {
				if (databaseUnavailable(suppressed)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 is "connection exception"; the pool reports a connection it already
	 * evicted (e.g. during the rollback after a lost connection) without a state.
	 */
	private static boolean connectionLost(java.sql.SQLException sql) {
		return (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
				|| "Connection is closed".equals(sql.getMessage());
	}

	public static final String UNAVAILABLE_DETAIL = "The card database cannot be reached right now; nothing was changed. Retry in a moment.";

}
