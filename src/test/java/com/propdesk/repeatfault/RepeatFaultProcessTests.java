package com.propdesk.repeatfault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
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
import com.propdesk.Work;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.Feedback;
import com.propdesk.repair.RepairProcess;
import com.propdesk.repeatfault.RepeatFaults.RepeatFault;
import com.propdesk.system.Refusal;

/**
 * One test per path through {@code processes/repeat-fault.bpmn}, and detection as repairs are reported: each test
 * works in a season of its own (years after the other tests' repairs), so only its own repairs fall in the 90 days.
 */
@PropDeskTest
class RepeatFaultProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(RepeatFaultProcess.KEY, 1.0);

	/** Each test's own season, well apart from the others'. */
	private static int season = 0;

	@Autowired
	RepeatFaults repeatFaults;

	@Autowired
	FormService formService;

	@LocalServerPort
	int port;

	OffsetDateTime start;

	@BeforeEach
	void ownSeason() {
		start = OffsetDateTime.parse("2031-01-06T10:00:00+08:00").plusDays(1000L * season++);
		TestClock.set(start);
		// a flag other test classes' repairs left open would take this test's repairs of the same flat
		jdbc.update("update repeat_fault set status = 'closed', open_subject = null where status = 'open'");
	}

	private String reportOn(int day, String building, String unit, String category, String description) {
		TestClock.set(start.plusDays(day));
		return cases.open(Reports.repair(building, unit, category, description)).record().caseNo();
	}

	private List<RepeatFault> flagsOf(String building) {
		return repeatFaults.list(null, building).stream().filter(f -> !f.flaggedAt().isBefore(start.minusDays(100))).toList();
	}

	private ProcessInstance process(RepeatFault flag) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(flag.processInstanceId()).singleResult();
	}

	private Task planTask(RepeatFault flag) {
		return taskService.createTaskQuery().processInstanceId(flag.processInstanceId()).singleResult();
	}

	/** The flag's repairs as 制定预防措施 lists them when Tasklist opens it. */
	private String listedOnTheForm(RepeatFault flag) {
		return (String) formService.getTaskFormVariables(planTask(flag).getId()).get(RepeatFaultProcess.CASES.name());
	}

	private RepeatFault threeLiftRepairs(String building) {
		reportOn(0, building, building + "-301", "lift", "电梯运行有异响");
		reportOn(20, building, building + "-1502", "lift", "电梯门关不严");
		reportOn(40, building, building + "-802", "lift", "电梯按钮失灵");
		List<RepeatFault> flags = flagsOf(building);
		assertThat(flags).hasSize(1);
		return flags.get(0);
	}

	@Test
	void threeRepairsOfAFlatWithin90DaysAreFlaggedWithTheirCasesAndManagementIsPagedAndAskedForAMeasure() {
		String first = reportOn(0, "6", "6-1702", "plumbing", "厨房下水慢");
		String second = reportOn(30, "6", "6-1702", "electrical", "卫生间插座跳闸");
		assertThat(flagsOf("6")).isEmpty();
		String third = reportOn(60, "6", "6-1702", "plumbing", "厨房下水又堵了");

		RepeatFault flag = flagsOf("6").get(0);
		assertThat(flag.scope()).isEqualTo("unit");
		assertThat(flag.subject()).isEqualTo("6-1702");
		assertThat(flag.status()).isEqualTo("open");
		assertThat(flag.cases()).extracting(RepeatFaults.FlaggedCase::caseNo).containsExactly(first, second, third);
		ProcessInstance instance = process(flag);
		assertThat(instance).hasPassed(RepeatFaultProcess.START, RepeatFaultProcess.PAGE_MANAGEMENT)
				.isWaitingAt(RepeatFaultProcess.PLAN_MEASURE).variables().containsEntry("caseNo", third)
				.containsEntry("unit", "6-1702").containsEntry("dutyBuilding", "6");
		assertThat(candidateGroups(planTask(flag))).containsExactly("management");
		assertThat(listedOnTheForm(flag)).contains(first + " · " + start.toLocalDate(), "厨房下水慢", second, third, "6-1702 · 电气");
		assertThat(runtimeService.getVariable(instance.getId(), RepeatFaultProcess.CASES.name()))
				.as("read when the form opens, not copied into the instance").isNull();
		assertThat(jdbc.queryForObject("select count(*) from notification where event_id = ? and recipient = 'management'",
				Integer.class, "repeat-fault:" + flag.id())).isEqualTo(1);
	}

	@Test
	void twoRepairsOrThreeSpreadOver91DaysAreNoRepeatFault() {
		reportOn(0, "5", "5-1601", "plumbing", "水龙头滴水");
		reportOn(45, "5", "5-1601", "plumbing", "水龙头又滴水");
		assertThat(flagsOf("5")).isEmpty();

		reportOn(91, "5", "5-1601", "plumbing", "水龙头还在滴水");

		assertThat(flagsOf("5")).isEmpty();
	}

	@Test
	void theLiftOfOneBuildingIsFlaggedPlumbingInDifferentFlatsIsNot() {
		reportOn(0, "4", "4-201", "plumbing", "厨房漏水");
		reportOn(1, "4", "4-1101", "plumbing", "卫生间漏水");
		reportOn(2, "4", "4-1801", "plumbing", "阳台地漏堵塞");

		RepeatFault lift = threeLiftRepairs("4");

		assertThat(lift.scope()).isEqualTo("equipment");
		assertThat(lift.subject()).isEqualTo("4号楼 电梯");
		assertThat(lift.cases()).hasSize(3).extracting(RepeatFaults.FlaggedCase::category).containsOnly("lift");
	}

	@Test
	void aFurtherRepairWhileTheFlagIsOpenJoinsItAndItsTaskListsIt() {
		RepeatFault flag = threeLiftRepairs("3");

		String fourth = reportOn(50, "3", "3-1101", "lift", "电梯又有异响");

		RepeatFault joined = repeatFaults.find(flag.id()).orElseThrow();
		assertThat(flagsOf("3")).hasSize(1);
		assertThat(joined.cases()).hasSize(4).last().extracting(RepeatFaults.FlaggedCase::caseNo).isEqualTo(fourth);
		assertThat(listedOnTheForm(flag)).contains(fourth);
		var form = formService.getTaskFormVariables(planTask(flag).getId());
		assertThat(form.get("caseNo")).as("the header names the latest repair").isEqualTo(fourth);
		assertThat((String) form.get("description")).as("and counts every repair that joined").contains("共 4 次");
		assertThat((String) taskService.getVariable(planTask(flag).getId(), "caseCard"))
				.as("the card in Tasklist's list holds no count to go stale").doesNotContain("次");
	}

	@Test
	void repairsOfAFlaggedLiftReportedAtTheSameMomentEachJoinTheFlag() throws Exception {
		RepeatFault flag = threeLiftRepairs("2");
		TestClock.set(start.plusDays(50));
		int reports = 6;
		ExecutorService channels = Executors.newFixedThreadPool(reports);
		CountDownLatch together = new CountDownLatch(1);
		List<Future<String>> opened = new ArrayList<>();
		for (int i = 0; i < reports; i++) {
			String unit = "2-" + (3 + i) + "01";
			opened.add(channels.submit(() -> {
				together.await();
				return cases.open(Reports.repair("2", unit, "lift", "电梯停在半层")).record().caseNo();
			}));
		}
		together.countDown();
		List<String> reported = new ArrayList<>();
		for (Future<String> caseNo : opened) {
			reported.add(caseNo.get(2, TimeUnit.MINUTES));
		}
		channels.shutdown();

		// each joins in its own repair's transaction; one that met another's change at the same moment looks again
		assertThat(repeatFaults.find(flag.id()).orElseThrow().cases()).hasSize(3 + reports)
				.extracting(RepeatFaults.FlaggedCase::caseNo).containsAll(reported);
		assertThat(listedOnTheForm(flag)).contains(reported);
	}

	@Test
	void aPreventiveDutyIsPlannedAsADutyPlanAndClosesTheFlag() {
		RepeatFault flag = threeLiftRepairs("2");
		Date firstRound = Date.from(com.propdesk.system.Clock.now().plusHours(1).toInstant());

		assertThatThrownBy(() -> completeAs("manager", planTask(flag), "measure", "duty", "preventiveDuty", "lift-maintenance"))
				.isInstanceOf(Refusal.class).hasMessageContaining("频次");
		completeAs("manager", planTask(flag), "measure", "duty", "preventiveDuty", "lift-maintenance", "dutyBuilding", "2",
				"dutyLocation", "电梯机房", "dutyFrequency", "P7D", "dutyFirstStart", firstRound, "dutyContractor", "迅达电梯");

		RepeatFault closed = repeatFaults.find(flag.id()).orElseThrow();
		assertThat(process(flag)).isNull();
		assertThat(closed.status()).isEqualTo("closed");
		assertThat(closed.measure()).isEqualTo("duty");
		assertThat(closed.decidedBy()).isEqualTo("manager");
		assertThat(closed.measureNote()).startsWith("电梯维保 · 2号楼 电梯机房 · 每周");
		Map<String, Object> plan = jdbc.queryForMap("select * from duty_plan where id = ?", Long.valueOf(closed.measureRef()));
		assertThat(plan).containsEntry("DUTY", "lift-maintenance").containsEntry("BUILDING_CODE", "2")
				.containsEntry("DEPARTMENT", "engineering").containsEntry("EVERY_PERIOD", "P7D").containsEntry("ROUND_WINDOW", "P3D")
				.containsEntry("REPEAT_FAULT_ID", flag.id()).containsEntry("ACTIVE", true).containsEntry("CONTRACTOR", "迅达电梯");
		assertThat(jdbc.queryForObject("select count(*) from duty_round where plan_id = ?", Integer.class, plan.get("ID")))
				.as("its first round planned at once, not at the next hourly run").isEqualTo(1);
		// no other class's planner plans it further
		jdbc.update("update duty_plan set active = false where id = ?", plan.get("ID"));
		assertThat(historicActivities(flag)).contains(RepeatFaultProcess.PLAN_DUTY, RepeatFaultProcess.CLOSE_FLAG,
				RepeatFaultProcess.CLOSED);
	}

	@Test
	void aRepairOfTheCauseIsOpenedLinkedAndTheFlagClosesWhenThatRepairCloses() {
		RepeatFault flag = threeLiftRepairs("1");

		completeAs("manager", planTask(flag), "measure", "repair", "repairCategory", "lift", "causeDescription", "更换曳引机钢丝绳",
				"measureNote", "维保单位陪同");

		RepeatFault ordered = repeatFaults.find(flag.id()).orElseThrow();
		String causeRepair = ordered.measureRef();
		assertThat(ordered.status()).isEqualTo("open");
		assertThat(ordered.measure()).isEqualTo("repair");
		assertThat(process(flag)).isWaitingAt(RepeatFaultProcess.CAUSE_REPAIR_CLOSED);
		assertThat(cases.links(causeRepair)).anySatisfy(link -> assertThat(link.caseNo()).isEqualTo(flag.cases().get(2).caseNo()));
		assertThat(ordered.cases()).hasSize(3);

		ProcessInstance repair = instance(RepairProcess.KEY, causeRepair);
		Task accept = taskService.createTaskQuery().processInstanceId(repair.getId()).singleResult();
		completeAs(accept.getAssignee(), accept, "eta", "30 分钟内");
		Task work = taskService.createTaskQuery().processInstanceId(repair.getId()).singleResult();
		completeAs(work.getAssignee(), work, "diagnosis", "钢丝绳磨损", "repairOutcome", "done", "workDone", "更换钢丝绳");
		Task acceptance = taskService.createTaskQuery().processInstanceId(repair.getId()).singleResult();
		completeAs("agent", acceptance, "accepted", true, "ownerConfirmation", "试运行正常");
		assertThat(repeatFaults.find(flag.id()).orElseThrow().status()).isEqualTo("open");
		cases.feedback(causeRepair, new Feedback(5, null), "owner");
		Work.finishReturnVisitIfSampled(identityService, taskService, causeRepair);

		assertThat(cases.find(causeRepair).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		RepeatFault closed = repeatFaults.find(flag.id()).orElseThrow();
		assertThat(closed.status()).isEqualTo("closed");
		assertThat(closed.closedAt()).isNotNull();
		assertThat(historicActivities(flag)).contains(RepeatFaultProcess.CAUSE_REPAIR_ENDED, RepeatFaultProcess.CAUSE_REPAIR_CLOSED,
				RepeatFaultProcess.CLOSED);
	}

	@Test
	void aRepairOfTheCauseThatBecomesAnEmergencyClosesTheFlagAtOnce() {
		RepeatFault flag = threeLiftRepairs("5");

		completeAs("manager", planTask(flag), "measure", "repair", "repairCategory", "lift", "causeDescription", "电梯困人，需紧急处置");

		RepeatFault closed = repeatFaults.find(flag.id()).orElseThrow();
		assertThat(cases.find(closed.measureRef()).orElseThrow().status()).isEqualTo(CaseStatus.PROMOTED);
		assertThat(closed.status()).isEqualTo("closed");
		assertThat(historicActivities(flag)).doesNotContain(RepeatFaultProcess.CAUSE_REPAIR_CLOSED)
				.contains(RepeatFaultProcess.CLOSE_FLAG);
	}

	@Test
	void theArchiveScanFlagsPastPatternsClosedARecentOneOpenAndFindsNothingNewTheSecondTime() {
		// the archive as a history writer leaves it: closed repairs, no processes
		for (int day : new int[] { 0, 10, 20, 400, 405, 410 }) {
			archived("A-" + season + "-" + day, start.plusDays(day), "6", "6-1801");
		}
		TestClock.set(start.plusDays(430));

		repeatFaults.scanArchive();
		int again = repeatFaults.scanArchive();

		List<RepeatFault> flags = flagsOf("6").stream().filter(f -> "6-1801".equals(f.unit())).toList();
		assertThat(again).isZero();
		assertThat(flags).hasSize(2);
		RepeatFault recent = flags.get(0);
		RepeatFault past = flags.get(1);
		assertThat(past.status()).isEqualTo("closed");
		assertThat(past.measureNote()).isEqualTo(RepeatFaults.ARCHIVE_NOTE);
		assertThat(past.flaggedAt()).isEqualTo(start.plusDays(20));
		assertThat(past.closedAt()).isEqualTo(start.plusDays(110));
		assertThat(recent.status()).isEqualTo("open");
		assertThat(recent.cases()).hasSize(3);
		assertThat(process(recent)).isWaitingAt(RepeatFaultProcess.PLAN_MEASURE);
		assertThat(repeatFaults.ofBuildingInMonth("6", YearMonth.from(start.plusDays(20)))).extracting(RepeatFault::id)
				.contains(past.id()).doesNotContain(recent.id());
		assertThat(repeatFaults.ofBuildingInMonth("6", YearMonth.from(start.plusDays(430)))).extracting(RepeatFault::id)
				.contains(recent.id()).doesNotContain(past.id());
	}

	@Test
	void managementAndAuditorsReadRepeatFaultsOthersMayNotAndBadFiltersAreNamed() throws Exception {
		RepeatFault flag = threeLiftRepairs("6");
		ApiClient api = new ApiClient(port);

		ApiClient.Answer open = api.call("GET", "/api/repeat-faults?status=open&building=6", null, "Authorization",
				ApiClient.basic("auditor"));
		ApiClient.Answer one = api.call("GET", "/api/repeat-faults/" + flag.id(), null, "Authorization", ApiClient.basic("manager"));
		ApiClient.Answer byAgent = api.call("GET", "/api/repeat-faults", null, "Authorization", ApiClient.basic("agent"));
		ApiClient.Answer bad = api.call("GET", "/api/repeat-faults?status=done&building=99", null, "Authorization",
				ApiClient.basic("manager"));
		ApiClient.Answer missing = api.call("GET", "/api/repeat-faults/999999", null, "Authorization", ApiClient.basic("manager"));

		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body().findValuesAsText("id")).contains(String.valueOf(flag.id()));
		JsonNode read = one.body();
		assertThat(read.get("statusLabel").asText()).isEqualTo("待处理");
		assertThat(read.get("subject").asText()).isEqualTo("6号楼 电梯");
		assertThat(read.get("cases")).hasSize(3);
		assertThat(read.get("cases").get(0).get("categoryLabel").asText()).isEqualTo("电梯");
		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.body().toString()).contains("status", "building");
		assertThat(missing.status()).isEqualTo(404);
	}

	private void archived(String caseNo, OffsetDateTime at, String building, String unit) {
		jdbc.update("insert into case_record (case_no, type, channel, reporter_name, reporter_phone, building_code, unit_code, "
				+ "category, description, tracking_token, status, created_at, updated_at) values (?, 'repair', 'phone', '李先生', "
				+ "'13900000000', ?, ?, 'plumbing', '卫生间漏水', ?, 'closed', ?, ?)", caseNo, building, unit, "t-" + caseNo, at,
				at.plus(Duration.ofDays(2)));
	}

	private List<String> historicActivities(RepeatFault flag) {
		return processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(flag.processInstanceId())
				.list().stream().map(a -> a.getActivityId()).toList();
	}

}
