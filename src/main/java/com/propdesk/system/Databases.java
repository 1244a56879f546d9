package com.propdesk.system;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database PropDesk runs on, where the SQL it writes differs: H2 (the demo) or PostgreSQL (production). */
public final class Databases {

	private Databases() {
	}

	public static boolean postgres(DataSource dataSource) {
		try {
			return JdbcUtils.<String>extractDatabaseMetaData(dataSource, "getDatabaseProductName").toLowerCase()
					.contains("postgres");
		}
		catch (MetaDataAccessException e) {
			throw new IllegalStateException("Cannot tell which database PropDesk runs on", e);
		}
	}

}
