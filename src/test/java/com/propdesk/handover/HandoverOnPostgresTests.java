package com.propdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.EmbeddedPostgresDatabase;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.intake.CaseService;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.RegistryRepository;

/**
 * The handover's snapshot, its steps and its API on a real PostgreSQL, where timestamps come back as other types
 * and a null parameter needs a type: the registry noting special needs, the open case's next due time, a missed
 * round, handed over and acknowledged.
 */
// a unique engine name and the context closed with the class, as the other PostgreSQL tests do
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true" })
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresDatabase.class)
@AtDayShift
class HandoverOnPostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseService cases;

	@Autowired
	RegistryRepository registry;

	@Autowired
	Handovers handovers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Test
	void aShiftIsHandedOverAndAcknowledgedOnPostgres() throws Exception {
		String caseNo = cases.open(Reports.repair("3", "3-1201", "plumbing", "卫生间水龙头滴水")).record().caseNo();
		TestClock.set(OffsetDateTime.parse("2026-11-27T12:00:00+08:00"));
		Resident resident = registry.save(new Resident(null, "3-1201", "钱奶奶", "13900000009", "owner", true, null));
		registry.save(new Resident(resident.id(), "3-1201", "钱奶奶", "13900000009", "owner", true, "听力不好，请发短信"));
		long plan = jdbc.queryForObject("insert into duty_plan (duty, building_code, department, every_period, round_window, "
				+ "first_start, created_by, created_at) values ('pump-room', '3', 'engineering', 'P1D', 'PT2H', "
				+ "timestamptz '2026-11-20 09:00:00+08:00', 'manager', timestamptz '2026-11-20 08:00:00+08:00') returning id", Long.class);
		jdbc.update("insert into duty_round (plan_id, starts_at, due_at, status) values (?, timestamptz '2026-11-27 09:00:00+08:00', "
				+ "timestamptz '2026-11-27 11:00:00+08:00', 'missed')", plan);

		ProcessInstance handover = ShiftChange.at(engine, "2026-11-27T20:00:00+08:00");
		long id = ((Number) engine.getRuntimeService().getVariable(handover.getId(), HandoverProcess.HANDOVER_ID.name())).longValue();
		List<Handovers.Item> items = handovers.find(id).orElseThrow().items();
		assertThat(items).anySatisfy(i -> {
			assertThat(i.caseNo()).isEqualTo(caseNo);
			assertThat(i.dueAt()).isNotNull();
			assertThat(i.holder()).isNotBlank();
		});
		assertThat(items).anySatisfy(i -> assertThat(i.detail()).startsWith("听力不好，请发短信"));
		assertThat(items).anySatisfy(i -> assertThat(i.title()).isEqualTo("3号楼 水泵房巡检 漏做"));

		Work.completeAs(identityService, taskService, "agent", task(handover, HandoverProcess.HAND_OVER),
				Map.of(HandoverProcess.NOTES.name(), "泵房明早复查"));
		Work.completeAs(identityService, taskService, "agent2", task(handover, HandoverProcess.ACKNOWLEDGE),
				Map.of(HandoverProcess.DECISION.name(), HandoverProcess.ACKNOWLEDGED, HandoverProcess.ALL_CHECKED.name(), true));

		ApiClient.Answer listed = new ApiClient(port).call("GET", "/api/handovers?date=2026-11-27&shift=day", null,
				"Authorization", ApiClient.basic("auditor"));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body().get(0).get("acknowledgedBy").asText()).isEqualTo("agent2");
		assertThat(listed.body().get(0).get("notes").asText()).isEqualTo("泵房明早复查");
	}

	private org.camunda.bpm.engine.task.Task task(ProcessInstance handover, String activity) {
		return taskService.createTaskQuery().processInstanceId(handover.getId()).taskDefinitionKey(activity).singleResult();
	}

}
