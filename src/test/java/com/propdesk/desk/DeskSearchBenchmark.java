package com.propdesk.desk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.PropDeskTest;

/**
 * How long the desk's search takes over 10,000 cases (loaded straight into the case table, not through the engine),
 * on the embedded H2; the same load on an embedded PostgreSQL is {@link DeskSearchOnPostgresBenchmark}. Not part of
 * the test suite (no "Tests" in their names); run both with
 * {@code ./mvnw -B -q test -Dtest='DeskSearch*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false}.
 * Each prints the median of {@value #RUNS} runs per query; on a shared machine compare by ratio, not milliseconds.
 */
@PropDeskTest
class DeskSearchBenchmark {

	static final int CASES = 10_000;

	static final int RUNS = 11;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DeskSearch search;

	@Test
	void searchOverTenThousandCases() {
		measure("H2", jdbc, search);
	}

	/** Loads the cases, times a partial phone, a unit and a name, prints the figures, and removes the cases again. */
	static void measure(String database, JdbcTemplate jdbc, DeskSearch search) {
		OffsetDateTime start = OffsetDateTime.parse("2026-06-01T08:00:00+08:00");
		String[] statuses = { "closed", "closed", "closed", "in-progress", "accepted", "awaiting-feedback" };
		String[] types = { "repair", "repair", "complaint", "inquiry" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			int building = 1 + i % 6;
			int floor = 1 + (i / 6) % 18;
			int door = 1 + (i / 108) % 2;
			String name = SURNAMES.charAt(i % SURNAMES.length()) + "" + GIVEN.charAt((i / 7) % GIVEN.length())
					+ (i % 500 == 0 ? "晓雯" : "");
			String phone = "139%08d".formatted((i * 7919L) % 100_000_000L);
			OffsetDateTime at = start.plusMinutes(i * 20L);
			rows.add(new Object[] { "BD-%05d".formatted(i), types[i % 4], "phone", name, phone, String.valueOf(building),
					"%d-%d%02d".formatted(building, floor, door), "plumbing", "基准数据", "t", statuses[i % 6], "P3", at, at });
		}
		jdbc.batchUpdate("insert into case_record (case_no, type, channel, reporter_name, reporter_phone, building_code, "
				+ "unit_code, category, description, tracking_token, status, priority, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		try {
			// the 1,234th case's phone, by its last four digits
			String lastFour = ((String) rows.get(1234)[4]).substring(7);
			time(database, "partial phone " + lastFour, () -> search.search(lastFour, 1));
			time(database, "unit 3栋1201", () -> search.search("3栋1201", 1));
			time(database, "name 晓雯", () -> search.search("晓雯", 1));
			time(database, "name 王 (many matches, page 5)", () -> search.search("王", 5));
		}
		finally {
			jdbc.update("delete from case_record where case_no like 'BD-%'");
		}
	}

	private static void time(String database, String query, Supplier<DeskSearch.Found> work) {
		long total = work.get().total();
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long begin = System.nanoTime();
			work.get();
			runs.add((System.nanoTime() - begin) / 1_000_000.0);
		}
		runs.sort(null);
		System.out.printf("[%s] desk search over %d cases, %s: %d cases found, median of %d runs %.1f ms%n", database, CASES,
				query, total, RUNS, runs.get(RUNS / 2));
	}

}
