package com.propdesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
				var tried = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")");
				tried.next();
				if (!tried.getBoolean(1)) {
					log.info("Another node is starting on this database; waiting until it is ready");
					long since = System.nanoTime();
					statement.execute("select pg_advisory_lock(" + KEY + ")");
					log.info("The other node is ready after {} ms; starting", (System.nanoTime() - since) / 1_000_000);
				}
			}
			held = connection;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot take the start-up lock on the database", e);
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
