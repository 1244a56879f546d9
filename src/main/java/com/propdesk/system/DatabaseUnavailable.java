package com.propdesk.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that found no database connection: the pool stayed empty for its wait (overload: every connection busy
 * longer than {@code spring.datasource.hikari.connection-timeout}) or the database did not answer. The caller gets
 * {@code 503} with {@code Retry-After} at once rather than a hang and a {@code 500}; nothing was accepted.
 */
public final class DatabaseUnavailable {

	/** Seconds a caller is asked to wait before sending the request again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private static final String HIKARI_CLOSED = "Connection is closed";

	private DatabaseUnavailable() {
	}

	/** Whether a connection that could not be had (or was lost) is among the causes. */
	public static boolean causes(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && lost(sql)) {
				return true;
			}
			// a rollback that failed on the connection the database took away hides the statement's own failure
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causes(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08, a connection exception (refused, broken, closed, not established), or 57P, the database
	 * going away under an open connection (shut down by its operator or after a crash, not yet accepting connections):
	 * a statement cut off by a database stopping mid-request. A batch says it in the exceptions chained to it. A request
	 * cut off at its commit may have been committed after all: a channel sending it again with the same {@code externalId}
	 * gets the case it opened, never a second one.
	 */
	private static boolean lost(SQLException error) {
		for (SQLException e = error; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
			String state = e.getSQLState();
			if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
				return true;
			}
			// the pool's word for a connection it closed after such a failure, when the transaction then used it again
			// (a commit failed and its rollback found the connection gone)
			if (state == null && HIKARI_CLOSED.equals(e.getMessage())) {
				return true;
			}
		}
		return false;
	}

	public static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"系统繁忙或数据库暂时不可用，请求未被受理；请 " + RETRY_AFTER_SECONDS + " 秒后重试");
		problem.setTitle("暂时无法受理");
		return problem;
	}

}
