package com.propdesk.elderly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.EmbeddedPostgresDatabase;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;

/**
 * Care records, visits and the emergency's list on a real PostgreSQL, where timestamps come back as other types and a
 * boolean parameter must be typed: a record written and changed through the API, a visit that opens a repair and an
 * errand, a missed visit, and a gas leak listing the building's elderly residents.
 */
// a unique engine name and the context closed with the class, as the other PostgreSQL tests do
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true", "propdesk.elderly.demo-care=false" })
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresDatabase.class)
@AtDayShift
class ElderlyOnPostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService jobs;

	@Autowired
	IdentityService identity;

	@Autowired
	CaseService cases;

	void fire(String instance, String activity) {
		Job job = jobs.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
		OffsetDateTime due = OffsetDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault());
		if (due.isAfter(com.propdesk.system.Clock.now())) {
			TestClock.set(due.plusMinutes(1));
		}
		jobs.executeJob(job.getId());
	}

	@Test
	void aResidentIsVisitedOnPostgres() throws Exception {
		ApiClient api = new ApiClient(port);
		long resident = jdbc.queryForObject("select id from resident where unit_code = '4-1401'", Long.class);
		String body = """
				{"contacts": [{"name": "周小华", "relation": "女儿", "phone": "13912340044"}], "healthNotes": "%s",
				 "healthConsent": %s, "visitEvery": "P1W", "visitedBy": "service-desk"}""";
		var created = api.call("PUT", "/api/elderly-care/" + resident, body.formatted("糖尿病", true), "Authorization",
				ApiClient.basic("agent"), "Content-Type", "application/json");
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		assertThat(created.body().path("consentRecordedAt").asText()).isNotBlank();
		var changed = api.call("PUT", "/api/elderly-care/" + resident, body.formatted("", false), "Authorization",
				ApiClient.basic("manager"), "Content-Type", "application/json");
		assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
		assertThat(changed.body().has("consentRecordedAt")).as("consent withdrawn").isFalse();

		String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ElderlyVisitProcess.KEY).singleResult().getId();
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		Task visit = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ElderlyVisitProcess.VISIT).singleResult();
		Map<String, Object> form = new HashMap<>(Map.of("wellbeing", "fair", "gasCheck", "ok", "waterCheck", "ok",
				"electricityCheck", "problem", "emergencyButtonCheck", "ok", "repairRequested", true, "repairCategory", "electrical",
				"repairDescription", "卧室插座松动", "errandRequested", true, "errand", "代买胰岛素针头"));
		form.put("inquiryRequested", false);
		Work.completeAs(identity, tasks, "agent", visit, form);

		fire(instance, ElderlyVisitProcess.TIMER_VISIT_OPENS);
		fire(instance, ElderlyVisitProcess.TIMER_VISIT_MISSED);

		JsonNode visits = api.call("GET", "/api/elderly-care/" + resident + "/visits", null, "Authorization", ApiClient.basic("duty"))
				.body();
		assertThat(visits.size()).isEqualTo(3);
		assertThat(visits.get(1).path("status").asText()).isEqualTo("missed");
		JsonNode done = visits.get(2);
		assertThat(done.path("status").asText()).isEqualTo("done");
		assertThat(done.path("doneAt").asText()).startsWith("2026-11-27T10:00");
		assertThat(done.path("facilityChecks").asText()).isEqualTo("燃气正常、用水正常、用电异常、紧急呼叫按钮正常");
		assertThat(cases.find(done.path("repairCaseNo").asText()).orElseThrow().reporterName()).isNotBlank();
		assertThat(done.path("errand").asText()).isEqualTo("代买胰岛素针头");

		String gas = cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), "4", null, "gas-leak", "4 号楼燃气味", null)).record().caseNo();
		Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(gas).taskDefinitionKey("Task_Acknowledge").singleResult();
		assertThat((String) tasks.getVariable(acknowledge.getId(), "elderlyResidents")).contains("4-1401", "周小华（女儿）13912340044");
	}

}
