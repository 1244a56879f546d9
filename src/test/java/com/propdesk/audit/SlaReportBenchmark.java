package com.propdesk.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.PropDeskTest;

/**
 * How long the SLA report takes over 10,000 closed cases (30,000 clocks), on the embedded H2; the same
 * load on an embedded PostgreSQL is {@link SlaReportOnPostgresBenchmark}. Not part of the test suite (no
 * "Tests" in their names); run both with
 * {@code ./mvnw -B -q test -Dtest='SlaReport*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false}.
 * Each prints its figures; on a shared machine compare runs by their ratio, not their milliseconds.
 */
@PropDeskTest
class SlaReportBenchmark {

	static final int CASES = 10_000;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SlaReport report;

	@Autowired
	CaseSearch search;

	@Test
	void reportOverTenThousandClosedCases() {
		measure("H2", jdbc, report, search);
	}

	/** Loads the cases, times the report and a search, prints the figures, and removes the cases again. */
	static void measure(String database, JdbcTemplate jdbc, SlaReport report, CaseSearch search) {
		OffsetDateTime start = OffsetDateTime.parse("2028-01-01T00:00:00+08:00");
		List<Object[]> cases = new ArrayList<>();
		List<Object[]> clocks = new ArrayList<>();
		String[] departments = { "engineering", "cleaning", "security" };
		String[] priorities = { "P1", "P2", "P3", "P4" };
		for (int i = 0; i < CASES; i++) {
			String caseNo = "B-20280101-" + i;
			OffsetDateTime at = start.plusMinutes(i * 4L);
			cases.add(new Object[] { caseNo, "repair", "app", "b-" + i, "业主", "13800000000", String.valueOf(1 + i % 6),
					(1 + i % 6) + "-101", "plumbing", "基准数据", "t", "closed", priorities[i % 4], departments[i % 3], at, at });
			String[] slas = { "repair-response", "initial-investigation", "repair-resolution" };
			for (int k = 0; k < slas.length; k++) {
				long met = 5L + (i * 7L + k * 13L) % 300;
				clocks.add(new Object[] { caseNo, slas[k], 1, at, "PT2H", at.plusMinutes(120), "duty-officer",
						at.plusMinutes(met), met > 120 ? at.plusMinutes(121) : null });
			}
		}
		jdbc.batchUpdate("insert into case_record (case_no, type, channel, external_id, reporter_name, reporter_phone, "
				+ "building_code, unit_code, category, description, tracking_token, status, priority, department, created_at, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
		jdbc.batchUpdate("insert into sla_clock (case_no, sla, round, started_at, target, due_at, escalate_to, met_at, "
				+ "breached_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", clocks);
		try {
			LocalDate from = LocalDate.parse("2028-01-01");
			LocalDate to = LocalDate.parse("2028-02-01");
			long first = time(() -> report.report(from, to, List.of("department", "shift")));
			List<Long> runs = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				runs.add(time(() -> report.report(from, to, List.of("department", "shift"))));
			}
			runs.sort(null);
			long searchRun = time(() -> search.search(new CaseSearch.Criteria(null, "repair", "3", null, null, from, to, null,
					Boolean.TRUE)));
			System.out.printf("[%s] SLA report over %d closed cases (%d clocks), groupBy=department,shift: first %d ms, "
					+ "median of 5 runs %d ms%n", database, CASES, clocks.size(), first, runs.get(2));
			System.out.printf("[%s] Case search (building 3, breached, one month) over the same: %d ms%n", database,
					searchRun);
		}
		finally {
			jdbc.update("delete from sla_clock where case_no like 'B-20280101-%'");
			jdbc.update("delete from case_record where case_no like 'B-20280101-%'");
		}
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

}
