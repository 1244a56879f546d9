package com.propdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRecord;

/** Each task is due when the clock it meets is due, has the case's priority, and follows the clock when it moves. */
@PropDeskTest
class TaskDeadlinesTests extends CaseProcessTest {

	private static final String REPAIR = "repair";

	private ProcessInstance report(String building, String unit, String category, String description) {
		CaseRecord opened = cases.open(Reports.repair(building, unit, category, description)).record();
		return instance(REPAIR, opened.caseNo());
	}

	private Task task(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private static Date at(OffsetDateTime time) {
		return Date.from(time.toInstant());
	}

	@Test
	void p1AcceptTaskIsDueFifteenMinutesAfterDispatchAndComesFirst() {
		OffsetDateTime dispatched = TestClock.DAY.plusMinutes(7);
		TestClock.set(dispatched);

		Task accept = task(report("1", "1-1302", "plumbing", "厨房水管爆裂，漏水严重"));

		assertThat(accept.getTaskDefinitionKey()).isEqualTo("Task_AcceptJob");
		assertThat(accept.getDueDate()).isEqualTo(at(dispatched.plusMinutes(15)));
		assertThat(accept.getPriority()).isEqualTo(100);
	}

	@Test
	void priorityFollowsTheCaseFromP1ToP4() {
		assertThat(TaskDeadlines.PRIORITIES).containsEntry("P1", 100).containsEntry("P2", 75).containsEntry("P3", 50)
				.containsEntry("P4", 25);
		Task accept = task(report("1", "1-1302", "door-access", "单元门禁刷卡没反应"));
		assertThat(accept.getPriority()).as("P3").isEqualTo(50);
		assertThat(accept.getDueDate()).as("P3 response: 2 h").isEqualTo(at(TestClock.DAY.plusHours(2)));
	}

	@Test
	void technicianStepsAreDueByTheInvestigationThenTheResolutionClockAndAPauseMovesTheDueDate() {
		ProcessInstance repair = report("1", "1-1302", "plumbing", "厨房水管爆裂，漏水严重");
		String caseNo = caseNo(repair);
		completeAs("engineer", task(repair), withVariables("eta", "15 分钟内"));

		Task work = task(repair);
		assertThat(work.getTaskDefinitionKey()).isEqualTo("Task_Repair");
		assertThat(work.getDueDate()).as("initial investigation: 2 h from intake")
				.isEqualTo(at(slas.clock(caseNo, SlaNames.INITIAL_INVESTIGATION).orElseThrow().dueAt()));
		OffsetDateTime resolutionDue = slas.clock(caseNo, SlaNames.REPAIR_RESOLUTION).orElseThrow().dueAt();

		TestClock.advance(Duration.ofMinutes(30));
		completeAs("engineer", work, withVariables("diagnosis", "三通阀破裂", "repairOutcome", "paused", "pauseReason",
				"partsOnOrder"));
		Task waiting = task(repair);
		assertThat(waiting.getTaskDefinitionKey()).isEqualTo("Task_WaitToResume");
		assertThat(waiting.getDueDate()).isEqualTo(at(resolutionDue));

		TestClock.advance(Duration.ofHours(5));
		completeAs("engineer", waiting, withVariables("resumeNote", "配件已到"));
		Task resumed = task(repair);
		assertThat(resumed.getTaskDefinitionKey()).isEqualTo("Task_Repair");
		assertThat(resumed.getDueDate()).as("resolution, moved by the 5 hours paused").isEqualTo(at(resolutionDue.plusHours(5)));
	}

	@Test
	void openTasksFollowAClockThatMoves() {
		ProcessInstance repair = report("1", "1-1302", "plumbing", "厨房水管爆裂，漏水严重");
		String caseNo = caseNo(repair);
		completeAs("engineer", task(repair), withVariables("eta", "15 分钟内"));
		OffsetDateTime investigationDue = slas.clock(caseNo, SlaNames.INITIAL_INVESTIGATION).orElseThrow().dueAt();

		// the investigation clock pauses and resumes while the technician's task is open
		slas.pause(caseNo, SlaNames.INITIAL_INVESTIGATION, "业主不在家");
		TestClock.advance(Duration.ofMinutes(40));
		slas.resume(caseNo, SlaNames.INITIAL_INVESTIGATION);

		assertThat(task(repair).getDueDate()).isEqualTo(at(investigationDue.plusMinutes(40)));
		assertThat(task(repair).getPriority()).isEqualTo(100);
	}

	@Test
	void escalationTaskHasTheCasePriorityAndNoDueDate() {
		ProcessInstance repair = report("1", "1-1302", "plumbing", "厨房水管爆裂，漏水严重");
		letClockRunOut(caseNo(repair), SlaNames.REPAIR_RESPONSE);
		Task escalation = taskService.createTaskQuery().processDefinitionKey(SlaService.WATCHER)
				.processInstanceBusinessKey(caseNo(repair)).singleResult();
		assertThat(escalation.getPriority()).isEqualTo(100);
		assertThat(escalation.getDueDate()).isNull();
		assertThat(task(repair).getDueDate()).as("the breached accept task keeps its due time, now past")
				.isBefore(Date.from(com.propdesk.system.Clock.now().toInstant()));
	}

}
