package com.propdesk.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import com.propdesk.AtDayShift;
import com.propdesk.EmbeddedPostgresDatabase;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/**
 * What a dispute stores, on a real PostgreSQL: its parties (the recurring-dispute query over them, timestamps as
 * PostgreSQL returns them) and its evidence.
 */
// a unique engine name and the context closed with the class, as the other PostgreSQL tests do
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true" })
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresDatabase.class)
@AtDayShift
class MediationOnPostgresTests {

	@Autowired
	CaseService cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	private String dispute(String unit, String other) {
		return cases.open(new CaseRequest("mediation", "app", "app-" + UUID.randomUUID(), new CaseRequest.Reporter("周女士", "13900000001"),
				unit.substring(0, 1), unit, "noise", "邻居噪音", null, null, null, List.of(other))).record().caseNo();
	}

	private void complete(String caseNo, String activity, Map<String, Object> variables) {
		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MediationProcess.KEY)
				.processInstanceBusinessKey(caseNo).singleResult().getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activity).singleResult();
		Work.completeAs(identityService, taskService, "agent", task, variables);
	}

	@Test
	void aRecurringDisputeIsFoundAndItsEvidenceKeptOnPostgres() {
		String first = dispute("3-1501", "3-1601");
		TestClock.advance(Duration.ofDays(30));
		String second = dispute("3-1601", "3-1501");

		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(MediationProcess.KEY)
				.processInstanceBusinessKey(second).singleResult().getId();
		assertThat(runtimeService.getVariable(instance, MediationProcess.RECURRING.name())).isEqualTo(true);
		assertThat(runtimeService.getVariable(instance, MediationProcess.RECURRING_OF.name())).isEqualTo(first);

		String upload = UUID.randomUUID().toString();
		jdbc.update("insert into upload (id, purpose, content_type, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at) "
				+ "values (?, 'evidence', 'application/pdf', 'a.pdf', 5, 'x', ?, 'agent', ?)", upload, "%PDF-".getBytes(), Clock.now());
		complete(second, MediationProcess.TALK_REPORTER, Map.of("reporterFacts", "楼下敲暖气管"));
		complete(second, MediationProcess.TALK_OTHER, Map.of("otherFacts", "楼上深夜有响声"));
		complete(second, MediationProcess.EVIDENCE, Map.of("decibelUploads", upload, "referToPolice", false));

		assertThat(jdbc.queryForList("select kind from mediation_evidence where case_no = ?", String.class, second))
				.containsExactly("decibel");
		assertThat(runtimeService.getVariable(instance, MediationProcess.EVIDENCE_SUMMARY.name())).isEqualTo("分贝测量 1 份");
		Work.deleteRunningInstances(runtimeService);
	}

}
