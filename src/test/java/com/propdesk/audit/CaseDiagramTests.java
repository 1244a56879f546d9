package com.propdesk.audit;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.Work;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.Feedback;
import com.propdesk.repair.RepairProcess;

/** The diagram of a closed repair, as an auditor reads it: the XML and the path the case took through it. */
@PropDeskTest
@AtDayShift
class CaseDiagramTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private void complete(String user, String caseNo, Map<String, Object> variables) {
		var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo).singleResult();
		Work.completeAs(identityService, taskService, user, task, variables);
	}

	@Test
	void closedRepairsDiagramHighlightsThePathTakenIncludingTheRework() throws Exception {
		String caseNo = cases.open(Reports.repair("1", "1-1202", "plumbing", "卫生间下水管漏水")).record().caseNo();
		complete("engineer", caseNo, Map.of("eta", "10 分钟"));
		complete("engineer", caseNo, Map.of("diagnosis", "接头松动", "repairOutcome", "done", "workDone", "紧固接头"));
		complete("agent", caseNo, Map.of(RepairProcess.ACCEPTED.name(), false, RepairProcess.REJECTION_REASON.name(), "仍有渗水"));
		complete("engineer", caseNo, Map.of("diagnosis", "接头破裂", "repairOutcome", "done", "workDone", "更换接头"));
		complete("agent", caseNo, Map.of(RepairProcess.ACCEPTED.name(), true));
		cases.feedback(caseNo, new Feedback(5, null), "owner");
		Work.finishReturnVisitIfSampled(identityService, taskService, caseNo);

		ApiClient api = new ApiClient(port);
		var answer = api.call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization", basic("auditor"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode repair = answer.body().get(0);
		assertThat(repair.get("processKey").asText()).as("the case's own process comes first").isEqualTo("repair");
		assertThat(repair.get("state").asText()).isEqualTo("COMPLETED");
		assertThat(repair.get("xml").asText()).contains("<bpmn:process id=\"repair\"").contains("bpmndi:BPMNDiagram");
		assertThat(texts(repair.get("activities"))).contains(RepairProcess.START, RepairProcess.ACCEPT_JOB, RepairProcess.REPAIR,
				RepairProcess.ACCEPTANCE, RepairProcess.RECORD_REJECTION, RepairProcess.CLOSE, RepairProcess.END_CLOSED)
				.doesNotContain(RepairProcess.DESK_CLASSIFICATION, RepairProcess.ASSIGN_BY_HAND, RepairProcess.END_PROMOTED);
		assertThat(texts(repair.get("flows"))).contains("Flow_ToRegister", "Flow_TriageDecided", "Flow_NotLifeSafety",
				"Flow_TechnicianFound", "Flow_ToAcceptJob", "Flow_RepairDone", "Flow_Rejected", "Flow_BackToTechnician",
				"Flow_Accepted").doesNotContain("Flow_TriageUndecided", "Flow_LifeSafety", "Flow_NobodyAvailable",
						"Flow_HandedBack", "Flow_Paused", "Flow_AssignedByHand");
		assertThat(repair.get("active")).isEmpty();
		List<String> processes = new ArrayList<>();
		answer.body().forEach(d -> processes.add(d.get("processKey").asText()));
		assertThat(processes).as("its owner notifications are jobs, not instances").doesNotContain("owner-event")
				.as("only a breach starts a sla-clock instance; these clocks were met").doesNotContain("sla-clock");

		assertThat(api.call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization", basic("manager")).status())
				.isEqualTo(200);
		assertThat(api.call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization", basic("engineer")).status())
				.isEqualTo(403);
		assertThat(api.call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization", basic("agent")).status())
				.isEqualTo(403);
		assertThat(api.call("GET", "/api/audit/cases/R-19990101-0001/diagram", null, "Authorization", basic("auditor")).status())
				.isEqualTo(404);
	}

	@Test
	void aRunningCaseShowsWhereItWaits() throws Exception {
		String caseNo = cases.open(Reports.repair("1", "1-1102", "plumbing", "水龙头滴水")).record().caseNo();

		var answer = new ApiClient(port).call("GET", "/api/audit/cases/" + caseNo + "/diagram", null, "Authorization",
				basic("auditor"));
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
		JsonNode repair = answer.body().get(0);

		assertThat(repair.get("state").asText()).isEqualTo("ACTIVE");
		assertThat(texts(repair.get("active"))).containsExactly(RepairProcess.ACCEPT_JOB);
		assertThat(texts(repair.get("flows"))).contains("Flow_ToAcceptJob").doesNotContain("Flow_ToMeetResponseClock");
	}

	@Test
	void theWebViewsLoginAnswersOnlyAuditorsAndManagement() throws Exception {
		ApiClient api = new ApiClient(port);

		var auditor = api.call("GET", "/api/audit/me", null, "Authorization", basic("auditor"));
		assertThat(auditor.status()).isEqualTo(200);
		assertThat(auditor.body().get("userId").asText()).isEqualTo("auditor");
		assertThat(texts(auditor.body().get("groups"))).contains("审计");
		assertThat(api.call("GET", "/api/audit/me", null, "Authorization", basic("agent")).status()).isEqualTo(403);
		// an unknown user: a wrong password would lock a shared demo user out for seconds (login throttling)
		assertThat(api.call("GET", "/api/audit/me", null, "Authorization", basic("nobody")).status()).isEqualTo(401);
		assertThat(api.call("GET", "/api/audit/me", null).status()).isEqualTo(401);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.asText()));
		return texts;
	}

}
