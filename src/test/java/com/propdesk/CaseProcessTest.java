package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.intake.CaseService;
import com.propdesk.sla.SlaClockProcess;
import com.propdesk.sla.SlaService;

/**
 * What every process test needs: the shared engine at the day shift, cases opened through the case
 * service, tasks worked as a user with their groups, SLA clocks run out by moving the engine clock,
 * and nothing left running for the next test. A process test class extends it and adds its own paths.
 */
public abstract class CaseProcessTest {

	@Autowired
	protected ProcessEngine processEngine;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected IdentityService identityService;

	@Autowired
	protected ManagementService managementService;

	@Autowired
	protected CaseService cases;

	@Autowired
	protected SlaService slas;

	@Autowired
	protected JdbcTemplate jdbc;

	@BeforeEach
	void startAtDayShift() {
		BpmnAwareTests.init(processEngine);
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void leaveNothingRunning() {
		Work.deleteRunningInstances(runtimeService);
		identityService.clearAuthentication();
		TestClock.reset();
	}

	/** The case's own process instance (its business key is the case number). */
	protected ProcessInstance instance(String processKey, String caseNo) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(caseNo)
				.singleResult();
	}

	/** A dripping tap reported in 1-301: its 接单, assigned to engineer and offered to the engineering department. */
	protected Task plumbingAcceptJob() {
		String instance = cases.open(Reports.repair("1", "1-301", "plumbing", "水管滴水")).record().processInstanceId();
		return taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	protected static String caseNo(ProcessInstance instance) {
		return instance.getBusinessKey();
	}

	protected List<String> candidateGroups(Task task) {
		return Work.candidateGroups(taskService, task);
	}

	/** The case's timeline as {@code kind:message} lines. */
	protected List<String> timeline(String caseNo) {
		return cases.timeline(caseNo).stream().map(e -> e.kind() + ":" + e.message()).toList();
	}

	protected List<String> timeline(ProcessInstance instance) {
		return timeline(caseNo(instance));
	}

	protected void completeAs(String user, Task task, Map<String, Object> variables) {
		Work.completeAs(identityService, taskService, user, task, variables);
	}

	/** Completes a task as the user, with variables given as name, value, name, value … */
	protected void completeAs(String user, Task task, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		completeAs(user, task, values);
	}

	/** Completes the instance's open task of that activity as the user, with variables given as name, value, … */
	protected void complete(ProcessInstance instance, String activity, String user, Object... variables) {
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
		assertThat(task).as("open task " + activity).isNotNull();
		completeAs(user, task, variables);
	}

	/** The timer job a running clock waits on. */
	protected Job watcherTimer(String caseNo, String sla) {
		return Work.dueJob(managementService, slas, caseNo, sla);
	}

	/**
	 * Moves the engine clock past a clock's due time and fires its timer job, as the job executor would.
	 * @return the {@code sla-clock} instance the breach started, while it waits for the escalation
	 */
	protected ProcessInstance letClockRunOut(String caseNo, String sla) {
		Work.letClockRunOut(managementService, slas, caseNo, sla);
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(SlaService.WATCHER)
				.processInstanceBusinessKey(caseNo).variableValueEquals(SlaClockProcess.SLA.name(), sla).singleResult();
	}

	/** The owner-visible events published for the case, in order. */
	protected List<String> ownerEvents(String caseNo) {
		return jdbc.queryForList("select event from owner_event where case_no = ? order by at", String.class, caseNo);
	}

}
