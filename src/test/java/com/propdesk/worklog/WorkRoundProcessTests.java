package com.propdesk.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.Work;

/**
 * One test per path through {@code processes/work-round.bpmn} and its planner {@code work-round-planner}: rounds
 * planned for the next day with the engine clock, a round recorded in Tasklist, recorded in the app (a message), or
 * missed (its timer).
 */
@PropDeskTest
class WorkRoundProcessTests {

	@RegisterExtension
	static ProcessCoverage rounds = new ProcessCoverage(WorkRoundProcess.KEY, 1.0);

	@RegisterExtension
	static ProcessCoverage planner = new ProcessCoverage(WorkRoundProcess.PLANNER_KEY, 1.0);

	/** 2026-11-27 08:00, the day's first corridor cleaning. */
	static final OffsetDateTime EIGHT = TestClock.DAY.minusHours(2);

	@Autowired
	RoundPlanner roundPlanner;

	@Autowired
	DutyPlans plans;

	@Autowired
	DutyRounds dutyRounds;

	@Autowired
	WorkLogs logs;

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
	HistoryService history;

	@BeforeEach
	void onlyThisTestsPlans() {
		Work.deleteRunningInstances(runtime);
		jdbc.update("update duty_plan set active = false");
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void resetClock() {
		Work.deleteRunningInstances(runtime);
		// nothing of this test's plans is planned again by another class's jobs
		jdbc.update("update duty_plan set active = false");
		TestClock.reset();
	}

	private DutyPlan cleaning(String building) {
		return plans.create(new DutyPlans.Settings(Duty.CORRIDOR_CLEANING, building, "各楼层楼道", "P1D", "PT10H", EIGHT.minusDays(3),
				null, null), "manager");
	}

	private List<DutyRound> roundsOf(DutyPlan plan) {
		return jdbc.queryForList("select id from duty_round where plan_id = ? order by starts_at", Long.class, plan.id()).stream()
				.map(id -> dutyRounds.find(id).orElseThrow()).toList();
	}

	/** The round has started: its start timer fires. */
	private Task started(DutyRound round) {
		Job start = jobs.createJobQuery().processInstanceId(round.processInstanceId())
				.activityId(WorkRoundProcess.TIMER_ROUND_STARTS).singleResult();
		jobs.executeJob(start.getId());
		return tasks.createTaskQuery().processInstanceId(round.processInstanceId()).singleResult();
	}

	private List<String> passed(String processInstanceId) {
		return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
				.map(a -> a.getActivityId()).toList();
	}

	@Test
	void plansTheRoundsOfTheNextDayOnceAndTheNextOnesWhenTheClockMoves() {
		DutyPlan cleaning = cleaning("2");
		DutyPlan patrol = plans.create(new DutyPlans.Settings(Duty.PATROL, "1", "北区巡逻路线", "PT4H", "PT4H",
				EIGHT.minusHours(8).minusDays(20), null, null), "manager");

		// at 10:00: today's 08:00 cleaning is still open, tomorrow's 08:00 starts within 24 h; patrols 08:00 … 08:00
		assertThat(roundPlanner.plan()).isEqualTo(2 + 7);
		assertThat(roundsOf(cleaning)).extracting(DutyRound::startsAt).containsExactly(EIGHT, EIGHT.plusDays(1));
		assertThat(roundsOf(cleaning).get(0).dueAt()).isEqualTo(EIGHT.plusHours(10));
		assertThat(roundsOf(patrol)).hasSize(7).allSatisfy(round -> assertThat(round.status()).isEqualTo(DutyRound.DUE));
		assertThat(roundPlanner.plan()).as("a second run plans nothing twice").isZero();

		TestClock.advance(Duration.ofDays(1));
		assertThat(roundPlanner.plan()).isEqualTo(1 + 6);
		assertThat(roundsOf(cleaning)).extracting(DutyRound::startsAt).containsExactly(EIGHT, EIGHT.plusDays(1), EIGHT.plusDays(2));
		assertThat(roundsOf(cleaning)).allSatisfy(round -> assertThat(round.processInstanceId()).isNotNull());
	}

	@Test
	void aPlanOtherCodeInsertsLaterGetsItsRounds() {
		// as a repeat fault's preventive duty is planned: a plain insert, nothing else told
		jdbc.update("insert into duty_plan (duty, building_code, location, department, every_period, round_window, first_start, "
				+ "repeat_fault_id, active, created_by, created_at) values ('pump-room', '4', '水泵房', 'engineering', 'P1D', "
				+ "'PT8H', ?, 7, true, 'manager', ?)", TestClock.DAY.plusHours(1), TestClock.DAY);
		long planId = jdbc.queryForObject("select max(id) from duty_plan", Long.class);

		assertThat(roundPlanner.plan()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from duty_round where plan_id = ?", Integer.class, planId)).isEqualTo(1);
	}

	@Test
	void theHourlyPlannerPlansThroughItsTimer() {
		DutyPlan cleaning = cleaning("3");
		Job hourly = jobs.createJobQuery().processDefinitionKey(WorkRoundProcess.PLANNER_KEY).timers().singleResult();
		assertThat(hourly).as("the planner's timer start event waits for the next hour").isNotNull();
		TestClock.set(OffsetDateTime.ofInstant(hourly.getDuedate().toInstant(), TestClock.DAY.getOffset()));
		jobs.executeJob(hourly.getId());

		assertThat(roundsOf(cleaning)).isNotEmpty();
		String run = history.createHistoricProcessInstanceQuery().processDefinitionKey(WorkRoundProcess.PLANNER_KEY)
				.orderByProcessInstanceStartTime().desc().list().get(0).getId();
		assertThat(passed(run)).contains("StartEvent_Hourly", "Task_PlanRounds", "Event_RoundsPlanned");
	}

	@Test
	void theDepartmentRecordsTheRoundInTasklistWithThePreviousLogInView() {
		// the building's corridor cleaning starts with no log at all (another class may have archived some)
		jdbc.update("delete from work_log l where l.duty = 'corridor-cleaning' and l.building_code = '2' and not exists "
				+ "(select 1 from duty_round r where r.work_log_id = l.id) and not exists "
				+ "(select 1 from work_log_photo p where p.work_log_id = l.id)");
		DutyPlan cleaning = cleaning("2");
		roundPlanner.plan();
		DutyRound today = roundsOf(cleaning).get(0);

		Task task = started(today);
		assertThat(task.getName()).isEqualTo("记录楼道保洁");
		assertThat(task.getTaskDefinitionKey()).isEqualTo(WorkRoundProcess.TASK_RECORD_ROUND);
		assertThat(Work.candidateGroups(tasks, task)).containsExactly("cleaning");
		assertThat(task.getDueDate().toInstant()).isEqualTo(today.dueAt().toInstant());
		Map<String, Object> shown = tasks.getVariables(task.getId());
		assertThat(shown).containsEntry("dutyLabel", "楼道保洁").containsEntry("buildingName", "2号楼")
				.containsEntry("location", "各楼层楼道").containsEntry("roundWindow", "2026-11-27 08:00 至 18:00")
				.containsEntry("previousLog", "（此前没有记录）");

		// done a month from now, or before the round began, is no time the work was done
		assertThatThrownBy(() -> Work.completeAs(identity, tasks, "cleaner", task,
				Map.of(WorkRoundProcess.DONE_AT.name(), java.util.Date.from(TestClock.DAY.plusDays(30).toInstant()))))
				.hasMessageContaining("不能晚于现在");
		assertThatThrownBy(() -> Work.completeAs(identity, tasks, "cleaner", task,
				Map.of(WorkRoundProcess.DONE_AT.name(), java.util.Date.from(today.startsAt().minusHours(1).toInstant()))))
				.hasMessageContaining("不能早于这一轮的开始时间");
		Work.completeAs(identity, tasks, "cleaner", task, Map.of(WorkRoundProcess.NOTES.name(), "1–18 层已拖地",
				WorkRoundProcess.PROBLEM_FOUND.name(), true, WorkRoundProcess.PROBLEM.name(), "9 层楼道灯不亮"));

		DutyRound done = dutyRounds.find(today.id()).orElseThrow();
		assertThat(done.status()).isEqualTo(DutyRound.DONE);
		WorkLog log = logs.find(done.workLogId()).orElseThrow();
		assertThat(log.recordedBy()).isEqualTo("cleaner");
		assertThat(log.source()).isEqualTo(WorkLogs.SOURCE_TASKLIST);
		assertThat(log.notes()).isEqualTo("1–18 层已拖地\n发现问题：9 层楼道灯不亮");
		assertThat(log.doneAt()).isEqualTo(TestClock.DAY);
		assertThat(passed(today.processInstanceId())).contains("Task_SaveWorkLog", "Event_RecordedInTasklist", "Event_RoundDone");

		// the next round's task shows this one
		TestClock.advance(Duration.ofDays(1));
		Task tomorrow = started(roundsOf(cleaning).get(1));
		assertThat((String) tasks.getVariable(tomorrow.getId(), "previousLog")).startsWith("2026-11-27 10:00 ")
				.endsWith("1–18 层已拖地\n发现问题：9 层楼道灯不亮");
	}

	@Test
	void aLogFromTheAppClosesTheRoundByMessage() {
		DutyPlan cleaning = cleaning("5");
		roundPlanner.plan();
		DutyRound today = roundsOf(cleaning).get(0);
		started(today);

		WorkLogs.Recorded recorded = logs.record(new WorkLogs.Entry(Duty.CORRIDOR_CLEANING, "5", null, EIGHT.plusHours(1),
				"已拖地", List.of(), null, null), "cleaner");

		assertThat(recorded.log().roundId()).isEqualTo(today.id());
		assertThat(dutyRounds.find(today.id()).orElseThrow().status()).isEqualTo(DutyRound.DONE);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(today.processInstanceId()).count()).isZero();
		assertThat(passed(today.processInstanceId())).contains("Message_RecordedInApp", "Event_RecordedInApp")
				.doesNotContain("Task_SaveWorkLog");
		assertThat(dutyRounds.find(roundsOf(cleaning).get(1).id()).orElseThrow().status())
				.as("tomorrow's round stays due").isEqualTo(DutyRound.DUE);
	}

	@Test
	void aRoundNobodyRecordsIsMissedAtItsDueTime() {
		DutyPlan cleaning = cleaning("6");
		roundPlanner.plan();
		DutyRound today = roundsOf(cleaning).get(0);
		started(today);

		Job missed = jobs.createJobQuery().processInstanceId(today.processInstanceId())
				.activityId(WorkRoundProcess.TIMER_ROUND_MISSED).singleResult();
		assertThat(missed.getDuedate().toInstant()).isEqualTo(today.dueAt().toInstant());
		TestClock.set(today.dueAt());
		jobs.executeJob(missed.getId());

		assertThat(dutyRounds.find(today.id()).orElseThrow().status()).isEqualTo(DutyRound.MISSED);
		assertThat(dutyRounds.find("cleaning", DutyRound.MISSED, EIGHT.minusHours(8), EIGHT.plusHours(16)))
				.extracting(DutyRound::id).contains(today.id());
		assertThat(passed(today.processInstanceId())).contains("Task_MarkMissed", "Event_RoundMissed");
		assertThat(tasks.createTaskQuery().processInstanceId(today.processInstanceId()).count()).isZero();
	}

}
