package com.propdesk.audit;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseService;

/** The SLA compliance report, checked against cases worked at known times, by day and by night. */
@PropDeskTest
@AtDayShift
class SlaReportTests {

	// a month no other test touches
	static final OffsetDateTime DAY = OffsetDateTime.parse("2027-03-10T10:00:00+08:00");

	static final OffsetDateTime NIGHT = OffsetDateTime.parse("2027-03-10T22:00:00+08:00");

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	/** A burst pipe reported at {@code at}, its job accepted after {@code acceptAfter}. */
	private void burstPipe(OffsetDateTime at, String building, Duration acceptAfter) {
		TestClock.set(at);
		String caseNo = cases.open(Reports.repair(building, building + "-101", "plumbing", "水管爆裂")).record().caseNo();
		TestClock.advance(acceptAfter);
		var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo).singleResult();
		taskService.complete(task.getId(), Map.of("eta", "马上"));
	}

	@Test
	void nightResponsesAreSeenLateAndDrillsAreLeftOut() throws Exception {
		burstPipe(DAY, "1", Duration.ofMinutes(10));
		burstPipe(NIGHT, "3", Duration.ofMinutes(40));
		TestClock.set(NIGHT.plusHours(1));
		identityService.setAuthentication("duty", List.of("duty-officer"));
		try {
			runtimeService.startProcessInstanceByKey("emergency", Map.of("channel", "phone", "reporterName", "演练",
					"reporterPhone", "13700000001", "building", "2", "category", "gas-leak", "description", "演练", "drill", true));
		}
		finally {
			identityService.clearAuthentication();
		}

		ApiClient api = new ApiClient(port);
		JsonNode rows = api.call("GET", "/api/audit/reports/sla?from=2027-03-10&to=2027-03-11&groupBy=shift", null,
				"Authorization", basic("manager")).body();

		assertThat(rows).hasSize(2);
		JsonNode day = rows.get(0);
		JsonNode night = rows.get(1);
		assertThat(day.get("group").get("shift").asText()).isEqualTo("day");
		assertThat(day.get("cases").asInt()).isOne();
		assertThat(day.get("clocks").asInt()).as("resolution, investigation, response").isEqualTo(3);
		assertThat(day.get("breached").asInt()).isZero();
		assertThat(day.get("firstResponseMedianMinutes").asLong()).isEqualTo(10);
		assertThat(night.get("group").get("shift").asText()).isEqualTo("night");
		assertThat(night.get("clocks").asInt()).as("the drill is not counted").isEqualTo(3);
		assertThat(night.get("breached").asInt()).isOne();
		assertThat(night.get("breachRate").asDouble()).isEqualTo(0.333);
		assertThat(night.get("firstResponseMedianMinutes").asLong()).isEqualTo(40);
		assertThat(night.get("firstResponseP90Minutes").asLong()).isEqualTo(40);
		assertThat(night.get("resolutionMedianMinutes").isNull()).as("not resolved yet").isTrue();
		assertThat(night.get("breachesBySla").get("repair-response").asInt()).isOne();

		HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/audit/reports/sla?from=2027-03-10&to=2027-03-11&groupBy=shift&format=csv"))
				.header("Authorization", basic("auditor")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		// a byte-order mark first, so Excel reads the UTF-8
		assertThat(csv.body()).startsWith("\uFEFF");
		assertThat(csv.body().substring(1).lines()).containsExactly(
				"shift,cases,clocks,breached,breachRate,firstResponseMedianMinutes,firstResponseP90Minutes,"
						+ "resolutionMedianMinutes,resolutionP90Minutes,breachesBySla",
				"day,1,3,0,0.0,10,10,,,", "night,1,3,1,0.333,40,40,,,repair-response=1");
	}

	@Test
	void csvCellsAreQuotedAndNeverRunAsFormulas() {
		assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(Csv.cell("-1-B01")).isEqualTo("'-1-B01");
		assertThat(Csv.cell("3,4")).isEqualTo("\"3,4\"");
		assertThat(Csv.cell("2-1201")).isEqualTo("2-1201");
		assertThat(Csv.cell(null)).isEmpty();
	}

	@Test
	void onlyAuditorsAndManagementReadReportsAndBadParametersAreNamed() throws Exception {
		ApiClient api = new ApiClient(port);

		assertThat(api.call("GET", "/api/audit/reports/sla?from=2027-03-01&to=2027-04-01", null, "Authorization",
				basic("engineer")).status()).isEqualTo(403);
		// every endpoint of the auditors' API, to a desk agent and to a department
		for (String path : List.of("/api/audit/me", "/api/audit/cases", "/api/audit/cases/R-20270310-0001/timeline",
				"/api/audit/cases/R-20270310-0001/diagram", "/api/audit/reports/sla?from=2027-03-01&to=2027-04-01",
				"/api/audit/trail/verify", "/api/audit/trail/export")) {
			for (String user : List.of("agent", "guard")) {
				assertThat(api.call("GET", path, null, "Authorization", basic(user)).status()).as(user + " " + path).isEqualTo(403);
			}
		}
		var bad = api.call("GET", "/api/audit/reports/sla?from=march&to=2027-04-01&groupBy=weather", null, "Authorization",
				basic("auditor"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "groupBy");
	}


	@Test
	void casesAreFoundByBuildingPeriodAndBreachAndTheCsvMatchesTheJson() throws Exception {
		burstPipe(DAY.plusDays(1), "5", Duration.ofMinutes(5));
		burstPipe(NIGHT.plusDays(1), "5", Duration.ofMinutes(50));
		ApiClient api = new ApiClient(port);
		String query = "/api/audit/cases?building=5&from=2027-03-11&to=2027-03-12";

		JsonNode all = api.call("GET", query, null, "Authorization", basic("auditor")).body();
		JsonNode breached = api.call("GET", query + "&breached=true", null, "Authorization", basic("auditor")).body();
		HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ query + "&format=csv")).header("Authorization", basic("auditor")).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(all).hasSize(2);
		assertThat(breached).hasSize(1);
		assertThat(breached.get(0).get("breaches").asInt()).isOne();
		assertThat(csv.body()).startsWith("\uFEFF");
		List<String> lines = csv.body().substring(1).lines().toList();
		assertThat(lines).hasSize(3);
		for (int i = 0; i < all.size(); i++) {
			assertThat(lines.get(i + 1)).startsWith(all.get(i).get("caseNo").asText() + ",repair,in-progress,P1,engineering,5,5-101,plumbing,")
					.endsWith("," + all.get(i).get("breaches").asInt() + ",false");
		}
	}

}
