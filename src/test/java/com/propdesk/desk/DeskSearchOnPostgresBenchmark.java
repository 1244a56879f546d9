package com.propdesk.desk;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import com.propdesk.EmbeddedPostgresDatabase;

/**
 * {@link DeskSearchBenchmark}'s load and timings on a real PostgreSQL (embedded, as in RepairOnPostgresTests),
 * the production database. Not part of the test suite; see {@link DeskSearchBenchmark} for how to run it.
 */
// a uniquely named engine, so closing this context leaves the shared H2 context's engine registered
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true" })
// the embedded server is closed with the class, not left to a shutdown hook racing the JVM exit
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresDatabase.class)
class DeskSearchOnPostgresBenchmark {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeskSearch search;

	@Test
	void searchOverTenThousandCases() {
		DeskSearchBenchmark.measure("PostgreSQL", jdbc, search);
	}

}
