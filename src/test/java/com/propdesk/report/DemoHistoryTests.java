package com.propdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.ApiClient;
import com.propdesk.PropDeskTest;

/**
 * The demo's archive, written here for months no other test reads: plausible closed cases with their clocks, the
 * repeat-fault patterns, and cases without a process instance that the desk and the auditors' view still open.
 */
@PropDeskTest
class DemoHistoryTests {

	@Autowired
	DemoHistory history;

	@Autowired
	ReportData data;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void theArchiveHoldsClosedCasesWorkLogsAndTheRepeatFaultsTheScanLooksFor() throws Exception {
		history.write("3", YearMonth.of(2022, 9), YearMonth.of(2022, 11));
		history.write("2", YearMonth.of(2022, 9), YearMonth.of(2022, 11));

		MonthlyFigures november = data.figures("3", YearMonth.of(2022, 11));
		assertThat(november.repairs().stream().mapToInt(MonthlyFigures.RepairCategory::count).sum()).isBetween(3, 12);
		assertThat(november.complaints().count()).isBetween(1, 3);
		assertThat(november.inquiries().count()).isBetween(3, 8);
		assertThat(november.sla().due()).isPositive();
		assertThat(november.sla().share()).isBetween(0.5, 1.0);
		assertThat(november.satisfaction().average()).isBetween(2.0, 5.0);
		assertThat(november.duties().get(0).done()).isBetween(25, 30);

		List<String> lifts = jdbc.queryForList("select created_at from case_record where building_code = '3' and type = 'repair' "
				+ "and category = 'lift' and unit_code = '3-101' and created_at >= ? and created_at < ? order by created_at",
				String.class, ReportData.start(YearMonth.of(2022, 10)), ReportData.start(YearMonth.of(2022, 12)));
		assertThat(lifts).hasSize(3);
		Integer plumbing = jdbc.queryForObject("select count(*) from case_record where unit_code = '2-1502' and category = 'plumbing' "
				+ "and created_at >= ? and created_at < ?", Integer.class, ReportData.start(YearMonth.of(2022, 9)),
				ReportData.start(YearMonth.of(2022, 12)));
		assertThat(plumbing).isGreaterThanOrEqualTo(3);

		String caseNo = jdbc.queryForObject("select min(case_no) from case_record where building_code = '3' and created_at >= ? "
				+ "and created_at < ?", String.class, ReportData.start(YearMonth.of(2022, 11)), ReportData.start(YearMonth.of(2022, 12)));
		ApiClient api = new ApiClient(port);
		// an archived case's owner link is as secret as a live case's: random, not derived from its number
		assertThat(jdbc.queryForObject("select tracking_token from case_record where case_no = ?", String.class, caseNo))
				.hasSize(32).doesNotContain(caseNo);
		assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/track/" + caseNo + "?token=archive-" + caseNo)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
		assertThat(api.call("GET", "/api/desk/cases/" + caseNo, null, "Authorization", ApiClient.basic("agent")).status())
				.isEqualTo(200);
		var timeline = api.call("GET", "/api/audit/cases/" + caseNo + "/timeline", null, "Authorization", ApiClient.basic("auditor"));
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(timeline.body().toString()).contains("已办结");
		assertThat(api.call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization", ApiClient.basic("auditor"))
				.status()).isLessThan(500);
	}

	@Test
	void theSameMonthIsWrittenTheSameWay() {
		history.write("1", YearMonth.of(2022, 4), YearMonth.of(2022, 4));
		List<String> first = jdbc.queryForList("select case_no || category || created_at from case_record where building_code = '1' "
				+ "and created_at >= ? and created_at < ? order by case_no", String.class, ReportData.start(YearMonth.of(2022, 4)),
				ReportData.start(YearMonth.of(2022, 5)));
		jdbc.update("delete from sla_clock where case_no in (select case_no from case_record where building_code = '1' "
				+ "and created_at >= ? and created_at < ?)", ReportData.start(YearMonth.of(2022, 4)), ReportData.start(YearMonth.of(2022, 5)));
		jdbc.update("delete from case_event where case_no in (select case_no from case_record where building_code = '1' "
				+ "and created_at >= ? and created_at < ?)", ReportData.start(YearMonth.of(2022, 4)), ReportData.start(YearMonth.of(2022, 5)));
		jdbc.update("delete from case_record where building_code = '1' and created_at >= ? and created_at < ?",
				ReportData.start(YearMonth.of(2022, 4)), ReportData.start(YearMonth.of(2022, 5)));
		jdbc.update("delete from work_log where building_code = '1' and done_at >= ? and done_at < ?",
				ReportData.start(YearMonth.of(2022, 4)), ReportData.start(YearMonth.of(2022, 5)));
		history.write("1", YearMonth.of(2022, 4), YearMonth.of(2022, 4));
		assertThat(jdbc.queryForList("select case_no || category || created_at from case_record where building_code = '1' "
				+ "and created_at >= ? and created_at < ? order by case_no", String.class, ReportData.start(YearMonth.of(2022, 4)),
				ReportData.start(YearMonth.of(2022, 5)))).isNotEmpty().isEqualTo(first);
	}

}
