package com.propdesk;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

import com.propdesk.repair.RepairProcess;
import com.propdesk.sla.SlaService;

/** What staff do in Tasklist, done from a test: as a user with their groups, so authorizations apply. */
public final class Work {

	private Work() {
	}

	public static void completeAs(IdentityService identity, TaskService tasks, String user, Task task,
			Map<String, Object> variables) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public static List<String> candidateGroups(TaskService tasks, Task task) {
		return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
				.map(IdentityLink::getGroupId).toList();
	}

	/**
	 * A closed repair scored above 2 is sampled for a return visit by its case number, which depends on how many
	 * cases the tests before opened: a test that needs the repair ended takes the visit when there is one.
	 */
	public static void finishReturnVisitIfSampled(IdentityService identity, TaskService tasks, String caseNo) {
		Task visit = tasks.createTaskQuery().processInstanceBusinessKey(caseNo)
				.taskDefinitionKey(RepairProcess.RETURN_VISIT_TASK).singleResult();
		if (visit != null) {
			completeAs(identity, tasks, "agent", visit, Map.of(RepairProcess.VISIT_REACHED.name(), true,
					RepairProcess.VISIT_OUTCOME.name(), "业主满意"));
		}
	}

	/** Tests share one engine: what a test left running would change the next one's dispatch and counts. */
	/** The timer job a running SLA clock of the case waits on. */
	public static Job dueJob(ManagementService jobs, SlaService slas, String caseNo, String sla) {
		return jobs.createJobQuery().jobId(slas.clock(caseNo, sla).orElseThrow().dueJobId()).timers().singleResult();
	}

	/** Moves the engine clock a minute past the clock's due time and fires its job, as the job executor would. */
	public static void letClockRunOut(ManagementService jobs, SlaService slas, String caseNo, String sla) {
		Job due = dueJob(jobs, slas, caseNo, sla);
		TestClock.set(OffsetDateTime.ofInstant(due.getDuedate().toInstant(), ZoneId.systemDefault()).plusMinutes(1));
		jobs.executeJob(due.getId());
	}

	public static void deleteRunningInstances(RuntimeService runtime) {
		runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test finished"));
	}

}
