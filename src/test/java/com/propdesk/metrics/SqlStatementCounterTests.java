package com.propdesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The SQL counter on a plain H2 data source wrapped as the application's is: exact counts for known sequences. */
class SqlStatementCounterTests {

	SqlStatementCounter counter;

	DataSource dataSource;

	@BeforeEach
	void setUp() throws SQLException {
		counter = new SqlStatementCounter();
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:sql-count-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		dataSource = SqlCountingConfiguration.wrap(h2, "dataSource", counter);
		try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
			s.execute("create table item (id int primary key, name varchar(20))");
		}
	}

	@Test
	void countsStatementsBatchMembersAndRoundTripsIncludingCommitAndRollback() throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement insert = c.prepareStatement("insert into item (id, name) values (?, ?)")) {
				insert.setInt(1, 1);
				insert.setString(2, "a");
				insert.executeUpdate();                           // 1 statement, 1 round trip
				for (int id = 2; id <= 4; id++) {
					insert.setInt(1, id);
					insert.setString(2, "b");
					insert.addBatch();
				}
				insert.executeBatch();                            // 3 statements, 1 round trip
			}
			try (Statement plain = c.createStatement()) {
				plain.addBatch("update item set name = 'c' where id = 2");
				plain.addBatch("update item set name = 'd' where id = 3");
				plain.executeBatch();                             // 2 statements, 1 round trip
				plain.executeBatch();                             // an empty batch: nothing
				try (ResultSet rows = plain.executeQuery("select count(*) from item")) {   // 1, 1
					rows.next();
					assertThat(rows.getInt(1)).isEqualTo(4);
				}
			}
			c.commit();                                           // 0, 1
			try (Statement plain = c.createStatement()) {
				plain.execute("delete from item");                // 1, 1
			}
			c.rollback();                                         // 0, 1
		}

		assertThat(counter.statements(SqlSources.OTHER)).isEqualTo(1 + 3 + 2 + 1 + 1);
		assertThat(counter.roundTrips(SqlSources.OTHER)).isEqualTo(1 + 1 + 1 + 1 + 1 + 1 + 1);
		assertThat(counter.statements(SqlSources.HTTP)).isZero();
		assertThat(counter.statements(SqlSources.JOB)).isZero();
	}

	@Test
	void countsRequestsAsHttpAndLeavesTheActuatorsOwnSqlOut() {
		SqlSources.asRequest(false, () -> query("select 1"));
		SqlSources.asRequest(true, () -> query("select 2"));
		query("select 3");

		assertThat(counter.statements(SqlSources.HTTP)).isOne();
		assertThat(counter.roundTrips(SqlSources.HTTP)).isOne();
		assertThat(counter.statements(SqlSources.OTHER)).isOne();
		assertThat(counter.statements(SqlSources.JOB) + counter.statements(SqlSources.ACQUISITION)).isZero();
	}

	@Test
	void tellsTheJobExecutorsThreadsByTheirNames() {
		assertThat(SqlSources.ofThread("camundaTaskExecutor-3")).isEqualTo(SqlSources.JOB);
		assertThat(SqlSources.ofThread(SqlSources.ACQUISITION_THREAD)).isEqualTo(SqlSources.ACQUISITION);
		assertThat(SqlSources.ofThread("http-nio-8080-exec-1")).isEqualTo(SqlSources.OTHER);
		assertThat(SqlSources.ofThread("main")).isEqualTo(SqlSources.OTHER);
	}

	@Test
	void metersReadTheCountsPerSource() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		counter.bindTo(registry);
		SqlSources.asRequest(false, () -> query("select 1"));

		assertThat(registry.get(SqlStatementCounter.STATEMENTS).tag("source", "http").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get(SqlStatementCounter.ROUND_TRIPS).tag("source", "http").functionCounter().count()).isEqualTo(1);
		assertThat(registry.get(SqlStatementCounter.STATEMENTS).tag("source", "job").functionCounter().count()).isZero();
	}

	private void query(String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
			rows.next();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}
