package com.propdesk.audit;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
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

/** The auditors' timeline of a worked repair names every step and who took it. */
@PropDeskTest
@AtDayShift
class CaseHistoryTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private void completeAs(String user, String caseNo, Map<String, Object> variables) {
		var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo).singleResult();
		Work.completeAs(identityService, taskService, user, task, variables);
	}

	@Test
	void closedRepairsTimelineNamesEveryStepAndUser() throws Exception {
		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
		// the arrival as Tasklist's date picker stores it: a date
		completeAs("engineer", caseNo, Map.of("eta", Date.from(OffsetDateTime.parse("2026-11-27T10:15:00+08:00").toInstant())));
		completeAs("engineer", caseNo, Map.of("diagnosis", "接头破裂", "repairOutcome", "done", "workDone", "更换接头"));
		var acceptance = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		identityService.setAuthentication("agent", List.of("service-desk"));
		try {
			taskService.createComment(acceptance.getId(), acceptance.getProcessInstanceId(), "已电话联系业主确认");
		}
		finally {
			identityService.clearAuthentication();
		}
		completeAs("agent", caseNo, Map.of("accepted", true));
		cases.feedback(caseNo, new Feedback(5, null), "owner");

		ApiClient api = new ApiClient(port);
		JsonNode timeline = api.call("GET", "/api/audit/cases/" + caseNo + "/timeline", null, "Authorization",
				basic("auditor")).body();

		assertThat(timeline).as("who by name beside the id the records hold")
				.anySatisfy(l -> assertThat(l.path("who").asText() + "=" + l.path("whoName").asText()).isEqualTo("engineer=王师傅"))
				.anySatisfy(l -> assertThat(l.path("who").asText() + "=" + l.path("whoName").asText()).isEqualTo("owner=业主"))
				.allSatisfy(l -> assertThat(l.hasNonNull("whoName")).isEqualTo(l.hasNonNull("who")));
		List<String> lines = new ArrayList<>();
		timeline.forEach(l -> lines.add(l.get("source").asText() + "|" + l.get("what").asText() + "|" + l.get("who").asText()
				+ "|" + l.get("detail").asText()));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("repair|activity-completed|engineer|接单"))
				.anySatisfy(l -> assertThat(l).startsWith("repair|activity-completed|engineer|上门维修"))
				.anySatisfy(l -> assertThat(l).as("the thing in words, not the engine's 'Task delete: false → true'")
						.isEqualTo("repair|operation-Complete|agent|任务「验收」"))
				.anySatisfy(l -> assertThat(l).as("offered to the desk, completed unclaimed").isEqualTo("repair|activity-completed|agent|验收"))
				.anySatisfy(l -> assertThat(l).as("the form's label and the option's, with the names the records hold").contains("variable")
						.endsWith("|维修结果（repairOutcome）: — → 已修好"))
				.anySatisfy(l -> assertThat(l).as("a person picked from the case's options, by name").contains("variable")
						.endsWith("|指派技师（technician）: — → 王师傅（engineer）"))
				.anySatisfy(l -> assertThat(l).as("a time as staff read one, not Java's English").contains("variable")
						.endsWith("（eta）: — → 2026-11-27 10:15"))
				.anySatisfy(l -> assertThat(l).as("the group by name, with its id")
						.startsWith("repair|task-candidate-add|").endsWith("|接单：工程部（engineering）"))
				.anySatisfy(l -> assertThat(l).isEqualTo("repair|comment|agent|已电话联系业主确认"))
				.anySatisfy(l -> assertThat(l).startsWith("case|feedback|owner|业主评价：5 分"))
				.anySatisfy(l -> assertThat(l).startsWith("case|sla-met|"))
				.noneSatisfy(l -> assertThat(l).as("a clock met in time starts no sla-clock instance").startsWith("sla-clock|"))
				.anySatisfy(l -> assertThat(l).as("the owner told, each event a line of the case").startsWith("case|event-")
						.contains("通知业主"))
				.anySatisfy(l -> assertThat(l).startsWith("case|closed|"))
				.noneSatisfy(l -> assertThat(l).as("a step's fixed settings are its diagram's, no change of the case")
						.matches(".*\\|variable\\|.*\\|(sla|from|event): .*"));
		assertThat(api.call("GET", "/api/audit/cases/" + caseNo + "/timeline", null, "Authorization", basic("engineer"))
				.status()).isEqualTo(403);
		assertThat(api.call("GET", "/api/audit/cases/R-19990101-0001/timeline", null, "Authorization", basic("auditor"))
				.status()).isEqualTo(404);
	}

}
