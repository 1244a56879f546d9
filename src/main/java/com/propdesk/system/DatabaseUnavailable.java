package com.propdesk.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request that found no database connection: the pool stayed empty for its wait (overload: every connection busy
 * longer than {@code spring.datasource.hikari.connection-timeout}) or the database did not answer. The caller gets
 * {@code 503} with {@code Retry-After} at once rather than a hang and a {@code 500}; nothing was accepted.
 */
public final class DatabaseUnavailable {

	/** Seconds a caller is asked to wait before sending the request again. */
	public static final int RETRY_AFTER_SECONDS = 5;

	private DatabaseUnavailable() {
	}

	/** Whether a connection that could not be had (or was lost) is among the causes. */
	public static boolean causes(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception (refused, broken, not established)
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
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
