package com.propdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.Refusal;

/**
 * One test per path through {@code processes/shift-handover.bpmn}: the handover prepared at a shift change from
 * live data, handed over by one desk and acknowledged by another, asked back on, or escalated when nobody
 * acknowledges. Each test changes shifts on a day of its own, so that the breaches and rounds of its ending shift
 * are only its own.
 */
@PropDeskTest
class HandoverProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(HandoverProcess.KEY, 1.0);

	@LocalServerPort
	int port;

	@Autowired
	Handovers handovers;

	@Autowired
	RegistryRepository registry;

	private long handoverId(ProcessInstance handover) {
		return ((Number) runtimeService.getVariable(handover.getId(), HandoverProcess.HANDOVER_ID.name())).longValue();
	}

	private Task task(ProcessInstance handover, String activity) {
		return taskService.createTaskQuery().processInstanceId(handover.getId()).taskDefinitionKey(activity).singleResult();
	}

	private void handOver(ProcessInstance handover, String user, String notes) {
		complete(handover, HandoverProcess.HAND_OVER, user, HandoverProcess.NOTES.name(), notes);
	}

	private void acknowledge(ProcessInstance handover, String user) {
		complete(handover, HandoverProcess.ACKNOWLEDGE, user, HandoverProcess.DECISION.name(), HandoverProcess.ACKNOWLEDGED,
				HandoverProcess.ALL_CHECKED.name(), true);
	}

	private String openThroughTheApi(String json) throws Exception {
		ApiClient.Answer opened = new ApiClient(port).call("POST", "/api/cases", json, "X-Api-Key", "demo");
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		return opened.body().get("caseNo").asText();
	}

	private static String repairJson(String unit, String description) {
		return """
				{ "type": "repair", "channel": "app", "externalId": "app-%s",
				  "reporter": {"name": "林先生", "phone": "13800000001"},
				  "building": "3", "unit": "%s", "category": "plumbing",
				  "description": "%s" }
				""".formatted(UUID.randomUUID(), unit, description);
	}

	@Test
	void handoverListsOpenCasesWithTheirNextDueAndHolderTheShiftsBreachesSpecialNeedsAndMissedRounds() throws Exception {
		TestClock.set(OffsetDateTime.parse("2026-12-03T09:00:00+08:00"));
		String dripping = openThroughTheApi(repairJson("3-1201", "卫生间水龙头滴水"));
		String emergency = cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), "3", null, "fire", "3号楼地下车库冒烟", null)).record().caseNo();
		// the response clock of the dripping tap runs out in the day shift: a breach of the ending shift
		letClockRunOut(dripping, SlaNames.REPAIR_RESPONSE);
		TestClock.set(OffsetDateTime.parse("2026-12-03T15:00:00+08:00"));
		Resident resident = registry.save(new Resident(null, "3-1201", "钱奶奶", "13900000009", "owner", true, "行动不便，来电请放慢语速"));
		long plan = jdbc.queryForObject("select id from final table (insert into duty_plan (duty, building_code, location, "
				+ "department, every_period, round_window, first_start, created_by, created_at) values ('corridor-cleaning', '3', "
				+ "'1-18层楼道', 'cleaning', 'P1D', 'PT4H', timestamp with time zone '2026-12-01 10:00:00+08:00', 'manager', "
				+ "timestamp with time zone '2026-12-01 09:00:00+08:00'))", Long.class);
		jdbc.update("insert into duty_round (plan_id, starts_at, due_at, status) values (?, "
				+ "timestamp with time zone '2026-12-03 10:00:00+08:00', timestamp with time zone '2026-12-03 14:00:00+08:00', 'missed')", plan);
		// missed the day before: not this shift's
		jdbc.update("insert into duty_round (plan_id, starts_at, due_at, status) values (?, "
				+ "timestamp with time zone '2026-12-02 10:00:00+08:00', timestamp with time zone '2026-12-02 14:00:00+08:00', 'missed')", plan);

		ProcessInstance handover = ShiftChange.at(processEngine, "2026-12-03T20:00:00+08:00");

		Handovers.Handover prepared = handovers.find(handoverId(handover)).orElseThrow();
		assertThat(prepared.date()).hasToString("2026-12-03");
		assertThat(prepared.shift()).isEqualTo("day");
		assertThat(prepared.shiftStart()).isEqualTo(OffsetDateTime.parse("2026-12-03T08:00:00+08:00"));
		List<Handovers.Item> items = prepared.items();
		List<String> open = jdbc.queryForList("select case_no from case_record where status not in ('closed', 'promoted')", String.class);
		List<String> openEmergencies = jdbc.queryForList("select case_no from case_record where status not in ('closed', 'promoted') "
				+ "and type = 'emergency'", String.class);
		// every unfinished case once, open emergencies first and marked
		assertThat(items.stream().filter(i -> i.kind().equals("case") || i.kind().equals("emergency")).map(Handovers.Item::caseNo))
				.containsExactlyInAnyOrderElementsOf(open);
		assertThat(items.subList(0, openEmergencies.size())).allSatisfy(i -> {
			assertThat(i.kind()).isEqualTo("emergency");
			assertThat(i.title()).startsWith("【紧急】");
		});
		assertThat(items.subList(0, openEmergencies.size()).stream().map(Handovers.Item::caseNo)).contains(emergency);

		Handovers.Item tap = items.stream().filter(i -> dripping.equals(i.caseNo()) && i.kind().equals("case")).findFirst().orElseThrow();
		OffsetDateTime nextDue = jdbc.queryForObject("select min(due_at) from sla_clock where case_no = ? and met_at is null "
				+ "and stopped_at is null", OffsetDateTime.class, dripping);
		assertThat(tap.dueAt().toInstant()).isEqualTo(nextDue.toInstant());
		Task accept = taskService.createTaskQuery().processInstanceBusinessKey(dripping).processDefinitionKey("repair").singleResult();
		var technician = identityService.createUserQuery().userId(accept.getAssignee()).singleResult();
		assertThat(tap.holder()).isEqualTo(technician.getFirstName() + technician.getLastName());
		Handovers.Item fire = items.stream().filter(i -> emergency.equals(i.caseNo())).findFirst().orElseThrow();
		assertThat(fire.holder()).as("who has the emergency now").isNotBlank();

		assertThat(items.stream().filter(i -> i.kind().equals("breach")).map(Handovers.Item::caseNo)).containsExactly(dripping);
		assertThat(items.stream().filter(i -> i.kind().equals("special-need")).map(Handovers.Item::detail))
				.anySatisfy(d -> assertThat(d).startsWith("行动不便，来电请放慢语速"));
		assertThat(items.stream().filter(i -> i.kind().equals("missed-round"))).singleElement()
				.satisfies(i -> assertThat(i.title()).isEqualTo("3号楼 楼道保洁 漏做"));
		assertThat(runtimeService.getVariable(handover.getId(), HandoverProcess.SUMMARY.name()).toString())
				.contains("【紧急】" + emergency).contains("钱奶奶").contains("楼道保洁");

		// the same, through the API the desk, management and auditors read
		JsonNode listed = new ApiClient(port).call("GET", "/api/handovers?date=2026-12-03&shift=day", null,
				"Authorization", ApiClient.basic("auditor")).body();
		assertThat(listed).hasSize(1);
		JsonNode one = new ApiClient(port).call("GET", "/api/handovers/" + listed.get(0).get("id").asText(), null,
				"Authorization", ApiClient.basic("manager")).body();
		assertThat(one.get("items")).hasSize(items.size());
		assertThat(one.get("items").get(0).get("kindLabel").asText()).isEqualTo("紧急事件");
		registry.deleteResident(resident.id());
	}

	@Test
	void theIncomingDeskAcknowledgesEveryItemAndTheOneWhoHandedOverCannot() throws Exception {
		cases.open(Reports.repair("3", "3-1201", "plumbing", "阳台地漏堵塞"));
		ProcessInstance handover = ShiftChange.at(processEngine, "2026-12-04T08:00:00+08:00");
		long id = handoverId(handover);
		assertThat(handovers.find(id).orElseThrow().shift()).isEqualTo("night");
		assertThat(candidateGroups(task(handover, HandoverProcess.HAND_OVER))).containsExactly(Groups.SERVICE_DESK);

		handOver(handover, "agent", "3-1201 业主 10 点前等回电");

		assertThatThrownBy(() -> acknowledge(handover, "agent")).isInstanceOf(Refusal.class).hasMessageContaining("交班人不能自己接班");
		// nor claim it, which would hide it from the incoming desk's list
		String acknowledgement = task(handover, HandoverProcess.ACKNOWLEDGE).getId();
		assertThatThrownBy(() -> taskService.claim(acknowledgement, "agent")).rootCause().isInstanceOf(Refusal.class)
				.hasMessageContaining("交班人不能自己接班");
		// as Tasklist claims: the refusal's words alone, 400
		ApiClient.Answer claimed = new ApiClient(port).call("POST", "/engine-rest/task/" + acknowledgement + "/claim",
				"{\"userId\": \"agent\"}", "Authorization", ApiClient.basic("agent"));
		assertThat(claimed.status()).isEqualTo(400);
		assertThat(claimed.body().path("message").asText()).isEqualTo("接班确认：交班人不能自己接班，请由接班的客服认领");
		assertThat(taskService.createTaskQuery().taskId(acknowledgement).singleResult().getAssignee()).isNull();
		taskService.claim(acknowledgement, "agent2");
		taskService.setAssignee(acknowledgement, null);
		assertThatThrownBy(() -> complete(handover, HandoverProcess.ACKNOWLEDGE, "agent2", HandoverProcess.DECISION.name(),
				HandoverProcess.ACKNOWLEDGED, HandoverProcess.ALL_CHECKED.name(), false))
				.isInstanceOf(Refusal.class).hasMessageContaining("逐项核对");
		acknowledge(handover, "agent2");

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(handover.getId()).count()).isZero();
		Handovers.Handover done = handovers.find(id).orElseThrow();
		assertThat(done.statusLabel()).isEqualTo("已接班");
		assertThat(done.handedOverBy()).isEqualTo("agent");
		assertThat(done.notes()).isEqualTo("3-1201 业主 10 点前等回电");
		assertThat(done.acknowledgedBy()).isEqualTo("agent2");
		assertThat(done.acknowledgedByName()).isEqualTo("吴客服");
		assertThat(done.acknowledgedAt()).isNotNull();
	}

	@Test
	void theIncomingDeskAsksBackOnAnItemAndReadsTheAnswerBeforeAcknowledging() {
		String caseNo = cases.open(Reports.repair("3", "3-1201", "plumbing", "厨房下水慢")).record().caseNo();
		ProcessInstance handover = ShiftChange.at(processEngine, "2026-12-04T20:00:00+08:00");
		long id = handoverId(handover);
		handOver(handover, "agent", null);
		Handovers.Item item = handovers.items(id).stream().filter(i -> caseNo.equals(i.caseNo())).findFirst().orElseThrow();

		complete(handover, HandoverProcess.ACKNOWLEDGE, "agent2", HandoverProcess.DECISION.name(), HandoverProcess.ASK_BACK,
				HandoverProcess.ASK_ITEM.name(), String.valueOf(item.id()), HandoverProcess.QUESTION.name(), "技师几点上门？");

		Task answer = task(handover, HandoverProcess.ANSWER);
		assertThat(answer.getAssignee()).isEqualTo("agent");
		assertThat(runtimeService.getVariable(handover.getId(), HandoverProcess.ASKED_ITEM_TITLE.name()).toString()).contains(caseNo);
		completeAs("agent", answer, HandoverProcess.ANSWER_TEXT.name(), "王师傅约了明早 9 点");

		Task again = task(handover, HandoverProcess.ACKNOWLEDGE);
		assertThat(again).isNotNull();
		assertThat(runtimeService.getVariable(handover.getId(), HandoverProcess.ANSWERS.name()).toString())
				.contains("技师几点上门？").contains("王师傅约了明早 9 点");
		assertThat(runtimeService.getVariable(handover.getId(), HandoverProcess.DECISION.name())).isNull();
		acknowledge(handover, "agent2");

		List<Handovers.Question> questions = handovers.find(id).orElseThrow().questions();
		assertThat(questions).singleElement().satisfies(q -> {
			assertThat(q.itemId()).isEqualTo(item.id());
			assertThat(q.askedBy()).isEqualTo("agent2");
			assertThat(q.answeredBy()).isEqualTo("agent");
			assertThat(q.answer()).isEqualTo("王师傅约了明早 9 点");
		});
	}

	@Test
	void aHandoverNobodyAcknowledgesIn30MinutesPagesTheDutyOfficerAndStillWaits() {
		ProcessInstance handover = ShiftChange.at(processEngine, "2026-12-05T08:00:00+08:00");
		long id = handoverId(handover);
		handOver(handover, "agent", "交班");
		Job overdue = managementService.createJobQuery().processInstanceId(handover.getId()).timers().singleResult();
		assertThat(OffsetDateTime.ofInstant(overdue.getDuedate().toInstant(), ZoneId.systemDefault()))
				.isEqualTo(OffsetDateTime.parse("2026-12-05T08:30:00+08:00"));

		TestClock.set(OffsetDateTime.parse("2026-12-05T08:31:00+08:00"));
		managementService.executeJob(overdue.getId());

		assertThat(jdbc.queryForList("select recipient from notification where event_id = ?", String.class,
				"handover-" + id + "-not-acknowledged")).containsExactly(Groups.DUTY_OFFICER);
		Task urge = task(handover, HandoverProcess.URGE);
		assertThat(candidateGroups(urge)).containsExactly(Groups.DUTY_OFFICER);
		assertThat(task(handover, HandoverProcess.ACKNOWLEDGE)).as("the handover still waits").isNotNull();
		assertThat(handovers.find(id).orElseThrow().escalatedAt()).isNotNull();

		completeAs("duty", urge, HandoverProcess.URGE_NOTE.name(), "已电话通知吴客服接班");
		acknowledge(handover, "agent2");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(handover.getId()).count()).isZero();
		assertThat(handovers.find(id).orElseThrow().acknowledgedBy()).isEqualTo("agent2");
	}

	@Test
	void theHandoverOfAShiftIsPreparedOnceWhenItsTimerFiresTwice() {
		ProcessInstance first = ShiftChange.at(processEngine, "2026-12-06T08:00:00+08:00");
		long id = handoverId(first);
		runtimeService.deleteProcessInstance(first.getId(), "test");
		ProcessInstance again = ShiftChange.at(processEngine, "2026-12-06T08:05:00+08:00");
		assertThat(handoverId(again)).isEqualTo(id);
		assertThat(jdbc.queryForObject("select count(*) from shift_handover where shift_date = date '2026-12-05'", Integer.class))
				.isEqualTo(1);
	}

}
