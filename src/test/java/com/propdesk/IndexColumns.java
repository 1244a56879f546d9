package com.propdesk;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** An index's columns in order, each with its direction (A or D), as H2 or PostgreSQL report them. */
public final class IndexColumns {

	private IndexColumns() {
	}

	public static List<String> of(JdbcTemplate jdbc, String table, String index) {
		return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
			DatabaseMetaData meta = connection.getMetaData();
			String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase() : table.toUpperCase();
			List<String> columns = new ArrayList<>();
			try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
				while (rows.next()) {
					if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
						columns.add(rows.getString("COLUMN_NAME").toUpperCase() + " " + rows.getString("ASC_OR_DESC"));
					}
				}
			}
			return columns;
		});
	}

}
