package com.propdesk.report;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.PropDeskTest;

/**
 * How long one building's report takes with 12 months of the demo's archive behind it: drafting it (the figures'
 * queries and their computation) and rendering its PDF. Not part of the test suite (no "Tests" in its name); run
 * {@code ./mvnw -B -q test -DskipAuditView=true -Dtest=MonthlyReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints its figures; on a shared machine compare runs by their ratio, not their milliseconds.
 */
@PropDeskTest
class MonthlyReportBenchmark {

	@Autowired
	DemoHistory history;

	@Autowired
	MonthlyReports reports;

	@Autowired
	ReportPdf pdf;

	@Test
	void draftAndRenderOneBuildingsReportOverTwelveMonths() {
		YearMonth last = YearMonth.of(2021, 11);
		long loading = System.nanoTime();
		history.write("2", last.minusMonths(11), last);
		long loaded = System.nanoTime();
		// the first draft and PDF warm the JIT, the font and the connection pool; the second pair is timed
		reports.draft("2", last.minusMonths(1), null);
		pdf.render(reports.find("2", last.minusMonths(1)).orElseThrow());
		long drafting = System.nanoTime();
		long id = reports.draft("2", last, null);
		long drafted = System.nanoTime();
		byte[] rendered = pdf.render(reports.find(id).orElseThrow());
		long renderedAt = System.nanoTime();
		System.out.printf("MonthlyReportBenchmark: 12 months of building 2 written in %d ms; draft of %s %d ms; "
				+ "PDF %d ms (%d bytes)%n", (loaded - loading) / 1_000_000, last, (drafted - drafting) / 1_000_000,
				(renderedAt - drafted) / 1_000_000, rendered.length);
	}

}
