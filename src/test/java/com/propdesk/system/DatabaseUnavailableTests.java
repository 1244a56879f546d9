package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away, send again later" (503) rather than a fault of PropDesk's (500). */
class DatabaseUnavailableTests {

	@Test
	void aPoolThatGaveNoConnectionInTimeIsUnavailability() {
		assertThat(DatabaseUnavailable.causes(new IllegalStateException(
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
	}

	@Test
	void aConnectionRefusedOrClosedIsUnavailability() {
		assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
		assertThat(DatabaseUnavailable.causes(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed", "08003")))).isTrue();
	}

	@Test
	void aDatabaseShutDownUnderAnOpenStatementIsUnavailability() {
		assertThat(DatabaseUnavailable.causes(new RuntimeException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
		// PostgreSQL's driver reports a cut-off batch with the reason chained as the next exception
		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into ACT_RU_EXECUTION was aborted",
				null, 0, new int[0], null);
		batch.setNextException(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
		assertThat(DatabaseUnavailable.causes(new RuntimeException(batch))).isTrue();
	}

	@Test
	void aRollbackThatFailedAfterTheDatabaseWentAwayIsUnavailability() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("An I/O error occurred while sending to the backend"));
		rollback.initApplicationException(new RuntimeException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
		assertThat(DatabaseUnavailable.causes(rollback)).isTrue();
	}

	@Test
	void aCommitCutOffWhoseRollbackFoundTheConnectionClosedIsUnavailability() {
		// the pool's own exception for a connection it closed after seeing it broken
		assertThat(DatabaseUnavailable.causes(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isTrue();
	}

	@Test
	void aRefusedStatementIsNoUnavailability() {
		assertThat(DatabaseUnavailable.causes(new RuntimeException(
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("canceling statement due to user request",
				"57014")))).isFalse();
		assertThat(DatabaseUnavailable.causes(new IllegalStateException("no SQL at all"))).isFalse();
	}

}
