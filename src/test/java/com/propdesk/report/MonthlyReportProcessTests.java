package com.propdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.report.MonthlyReports.MonthlyReport;

/**
 * One test per start of {@code processes/monthly-report.bpmn}: the timer on the 1st for the month before, and the
 * drafts API for a month on demand; each reviewed, published and told to the owners once. Also the API's rules, the
 * owners' page and the PDF of a published report.
 */
@PropDeskTest
class MonthlyReportProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(MonthlyReportProcess.KEY, 1.0);

	@LocalServerPort
	int port;

	@Autowired
	MonthlyReports reports;

	@Autowired
	Archive archive;

	@Autowired
	RegistryRepository registry;

	@Autowired
	org.springframework.core.env.Environment environment;

	private List<Task> reviews(String instance) {
		return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(MonthlyReportProcess.REVIEW)
				.list();
	}

	private long reportOf(Task review) {
		return Long.parseLong((String) taskService.getVariable(review.getId(), MonthlyReportProcess.REPORT_ID.name()));
	}

	private int owners(String building) {
		return (int) registry.residentsOfBuilding(building).stream().filter(r -> "owner".equals(r.role())).count();
	}

	private int smsOf(MonthlyReport report) {
		return jdbc.queryForObject("select count(*) from notification where event_id = ? and kind = 'SMS'", Integer.class,
				"monthly-report:" + report.id());
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theFirstOfTheMonthDraftsEveryBuildingsReportOfTheMonthBeforeAndEachIsPublishedAfterReview() {
		Job timer = managementService.createJobQuery().processDefinitionKey(MonthlyReportProcess.KEY).timers().singleResult();
		OffsetDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
		assertThat(due.getDayOfMonth()).isEqualTo(1);
		assertThat(due.getHour()).isEqualTo(6);
		YearMonth month = YearMonth.from(due).minusMonths(1);

		TestClock.set(due);
		managementService.executeJob(timer.getId());

		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY)
				.variableValueEquals(MonthlyReportProcess.MONTH.name(), month.toString()).singleResult().getId();
		List<Task> reviews = reviews(instance);
		assertThat(reviews).hasSize(registry.buildings().size());
		assertThat(reviews).allSatisfy(review -> assertThat(candidateGroups(review)).containsExactly("management"));
		for (Task review : reviews) {
			completeAs("manager", review, Map.of());
		}
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
		assertThat(reports.search(null, month)).hasSize(registry.buildings().size()).allSatisfy(report -> {
			assertThat(report.status()).isEqualTo(MonthlyReports.PUBLISHED);
			assertThat(report.publishedBy()).isEqualTo("manager");
			assertThat(smsOf(report)).isEqualTo(owners(report.building()));
		});
		// the next month's timer waits for the next 1st
		Job next = managementService.createJobQuery().processDefinitionKey(MonthlyReportProcess.KEY).timers().singleResult();
		assertThat(next.getDuedate().toInstant()).isAfter(due.toInstant());
	}

	@Test
	void managementDraftsAMonthOnRequestReviewsItsFiguresAndPublishesWithANoteOwnersAreToldOnce() throws Exception {
		KnownMonth.ensure(archive, jdbc);
		ApiClient api = new ApiClient(port);
		var answer = api.call("POST", "/api/reports/drafts", "{\"month\":\"2024-02\"}", "Authorization", ApiClient.basic("manager"));
		assertThat(answer.status()).isEqualTo(201);
		String instance = answer.body().get("processInstanceId").asText();
		assertThat(answer.body().get("reports")).hasSize(registry.buildings().size());
		// the same month again adds nothing
		assertThat(api.call("POST", "/api/reports/drafts", "{\"month\":\"2024-02\"}", "Authorization", ApiClient.basic("manager"))
				.status()).isEqualTo(409);

		MonthlyReport six = reports.find(KnownMonth.BUILDING, KnownMonth.MONTH).orElseThrow();
		Task review = reviews(instance).stream().filter(t -> reportOf(t) == six.id()).findFirst().orElseThrow();
		Map<String, Object> shown = taskService.getVariablesLocal(review.getId());
		assertThat(shown.get(MonthlyReportProcess.BUILDING_LABEL.name())).isEqualTo("6号楼 2024年2月物业服务报告");
		assertThat((String) shown.get(MonthlyReportProcess.FIGURES_TEXT.name()))
				.contains("楼道保洁：完成 3 次（计划 3 次，漏做 1 次）", "给排水：3 件，已修复 2 件，修复时间中位数 3小时",
						"投诉：2 件，已回应 2 件，首次响应时间中位数 2小时，24小时内回应 50.0%", "【服务时限达标率】66.7%", "【满意度】4.0 分");
		assertThat(shown.get(MonthlyReportProcess.PREVIEW_PATH.name())).isEqualTo("/api/reports/" + six.id() + "/pdf");

		for (Task task : reviews(instance)) {
			completeAs("manager", task, Map.of(MonthlyReportProcess.MANAGER_NOTE.name(),
					reportOf(task) == six.id() ? "二月已更换地下水泵房的老化阀门。" : ""));
		}
		MonthlyReport published = reports.find(six.id()).orElseThrow();
		assertThat(published.status()).isEqualTo(MonthlyReports.PUBLISHED);
		assertThat(published.managerNote()).isEqualTo("二月已更换地下水泵房的老化阀门。");
		assertThat(reports.search(null, KnownMonth.MONTH)).filteredOn(r -> !r.building().equals(KnownMonth.BUILDING))
				.allSatisfy(r -> assertThat(r.managerNote()).isNull());
		assertThat(smsOf(published)).isEqualTo(owners(KnownMonth.BUILDING)).isPositive();
		assertThat(jdbc.queryForList("select text from notification where event_id = ?", String.class,
				"monthly-report:" + six.id())).allSatisfy(text -> assertThat(text)
						.contains(environment.getProperty("propdesk.public-url") + "/reports/" + published.publicToken(), "6号楼 2024年2月服务报告已发布"));
		assertThat(reports.tellOwners(published)).isZero();
		assertThat(smsOf(published)).isEqualTo(owners(KnownMonth.BUILDING));

		HttpResponse<byte[]> page = get("/reports/" + published.publicToken());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
		assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8))
				.contains("<h1>6号楼 2024年2月物业服务报告</h1>", "二月已更换地下水泵房的老化阀门。", "id=\"repairChart\"",
						"id=\"slaChart\"", "/reports/" + published.publicToken() + ".pdf");

		HttpResponse<byte[]> pdf = get("/reports/" + published.publicToken() + ".pdf");
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("6号楼 2024年2月物业服务报告", "楼道保洁：完成 3 次（计划 3 次，漏做 1 次）",
					"给排水：3 件，已修复 2 件，修复时间中位数 3小时", "达标率 66.7%", "4.0 分（4 份评价，满分 5 分）",
					"二月已更换地下水泵房的老化阀门。");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("6号楼 2024年2月物业服务报告");
		}
	}

	@Test
	void aDraftAndAnUnknownTokenAreNotPublic() throws Exception {
		long draft = reports.draft("5", YearMonth.of(2023, 7), null);
		String token = reports.find(draft).orElseThrow().publicToken();
		assertThat(get("/reports/" + token).statusCode()).isEqualTo(404);
		assertThat(get("/reports/" + token + ".pdf").statusCode()).isEqualTo(404);
		HttpResponse<byte[]> unknown = get("/reports/no-such-token");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("未找到报告");
	}

	@Test
	void theApiTakesAMonthAsYearAndMonthAndAnswersOnlyThoseAllowed() throws Exception {
		ApiClient api = new ApiClient(port);
		String manager = ApiClient.basic("manager");
		for (String body : List.of("{\"month\":\"2024-13\"}", "{\"month\":\"2024/02\"}", "{}", "{\"month\":\"2026-11-01\"}",
				"{\"month\":\"1999-01\"}", "{\"month\":\"0000-01\"}")) {
			var bad = api.call("POST", "/api/reports/drafts", body, "Authorization", manager);
			assertThat(bad.status()).as(body).isEqualTo(400);
			assertThat(bad.contentType()).startsWith("application/problem+json");
			assertThat(bad.body().get("errors").findValuesAsText("field")).as(body).containsExactly("month");
		}
		// the month still running cannot be reported on
		TestClock.set(OffsetDateTime.now());
		String current = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		assertThat(api.call("POST", "/api/reports/drafts", "{\"month\":\"" + current + "\"}", "Authorization", manager).status())
				.isEqualTo(400);
		assertThat(api.call("POST", "/api/reports/drafts", "{\"month\":\"2023-01\"}", "Authorization", ApiClient.basic("agent"))
				.status()).isEqualTo(403);

		long draft = reports.draft("4", YearMonth.of(2023, 8), null);
		for (String reader : List.of("manager", "auditor", "agent")) {
			var found = api.call("GET", "/api/reports?building=4&month=2023-08", null, "Authorization", ApiClient.basic(reader));
			assertThat(found.status()).as(reader).isEqualTo(200);
			assertThat(found.body().findValuesAsText("id")).containsExactly(String.valueOf(draft));
			JsonNode one = api.call("GET", "/api/reports/" + draft, null, "Authorization", ApiClient.basic(reader)).body();
			assertThat(one.get("statusLabel").asText()).isEqualTo("待审核");
			assertThat(one.has("publicToken")).isFalse();
		}
		assertThat(api.call("GET", "/api/reports", null, "Authorization", ApiClient.basic("engineer")).status()).isEqualTo(403);
		var badMonth = api.call("GET", "/api/reports?month=8-2023", null, "Authorization", ApiClient.basic("auditor"));
		assertThat(badMonth.status()).isEqualTo(400);
		assertThat(badMonth.body().get("errors").findValuesAsText("field")).containsExactly("month");

		HttpResponse<byte[]> asAuditor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/reports/" + draft + "/pdf"))
				.header("Authorization", ApiClient.basic("auditor")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(asAuditor.statusCode()).isEqualTo(403);
		HttpResponse<byte[]> preview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/reports/" + draft + "/pdf"))
				.header("Authorization", ApiClient.basic("manager")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(preview.statusCode()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(preview.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("4号楼 2023年8月物业服务报告", "草稿（未发布）");
		}
	}

}
