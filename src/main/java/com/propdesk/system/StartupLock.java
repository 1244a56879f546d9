package com.propdesk.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL start one after the other: the first node to reach the database holds a session
 * advisory lock from the moment the data source exists until the application is ready, so the engine's schema,
 * PropDesk's migrations, the seeded groups, users, grants and filters, and the deployments are made by one node at a
 * time. Two nodes starting at once otherwise both create a changed diagram's new version (each compares it with the
 * database before either has deployed) and race on the seeded authorizations' unique keys.
 * <p>
 * The lock belongs to a connection held for the start-up: a node that dies while starting loses its connection, and
 * PostgreSQL gives the lock to the next. Other databases (H2, one node by its file lock) take no lock.
 */
@Component
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	/** Any number other applications on the same database do not use for an advisory lock: "PropDesk" in ASCII. */
	static final long KEY = 0x50726f704465736bL;

	private static final Duration TRY_EVERY = Duration.ofMillis(500);

	private static final Duration WAIT_NOTICE = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	private Connection held;

	private boolean taken;

	@Override
	public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !taken) {
			taken = true;
			take(dataSource);
		}
		return bean;
	}

	private void take(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return;
			}
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				long since = System.nanoTime();
				long said = 0;
				while (!taken(statement)) {
					// a holder that hangs (a paused JVM, a session left open by hand) keeps every node waiting: the log
					// names it every half minute, so an operator can end that session (pg_terminate_backend)
					if (said == 0 || System.nanoTime() - said > WAIT_NOTICE.toNanos()) {
						log.info("Another node is starting on this database ({}); waiting until it is ready", holder(statement));
						said = System.nanoTime();
					}
					Thread.sleep(TRY_EVERY.toMillis()); // polling a lock another JVM holds, not waiting for a timer
				}
				if (said != 0) {
					log.info("The other node is ready after {} ms; starting", (System.nanoTime() - since) / 1_000_000);
				}
			}
			held = connection;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot take the start-up lock on the database", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another node's start-up", e);
		}
	}

	private static boolean taken(Statement statement) throws SQLException {
		try (ResultSet tried = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
			tried.next();
			return tried.getBoolean(1);
		}
	}

	/** Who holds the lock: the session's process id, client address and application, as {@code pg_stat_activity} says. */
	private static String holder(Statement statement) throws SQLException {
		try (ResultSet found = statement.executeQuery("select a.pid, a.client_addr, a.application_name, a.backend_start "
				+ "from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted "
				+ "and ((l.classid::bigint << 32) | l.objid::bigint) = " + KEY)) {
			return found.next() ? "held by database session pid " + found.getInt(1) + " from " + found.getString(2) + " "
					+ found.getString(3) + " since " + found.getString(4) : "holder not visible to this user";
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent ready) {
		release();
	}

	@Override
	public void destroy() {
		release();
	}

	private synchronized void release() {
		if (held == null) {
			return;
		}
		try (Connection connection = held; Statement statement = connection.createStatement()) {
			statement.execute("select pg_advisory_unlock(" + KEY + ")");
		}
		catch (SQLException e) {
			// closing the connection ends the session, and PostgreSQL lets go of the lock with it
			log.warn("Releasing the start-up lock failed ({}); its connection is closed instead", e.getMessage());
		}
		finally {
			held = null;
		}
	}

}
