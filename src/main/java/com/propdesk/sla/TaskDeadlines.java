package com.propdesk.sla;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Privileged;
import com.propdesk.system.Step;
import com.propdesk.system.UserTaskListeners;

/**
 * Every user task of a case, in every diagram, is due when the SLA clock it meets is due (its case type's
 * {@link com.propdesk.intake.CaseTypeDefinition#taskDeadlines() table}) and has the case's priority, P1 first: set
 * when the task is created, and again on the case's open tasks whenever one of its clocks starts, pauses, resumes
 * (the due time moves by the paused time) or ends. Tasks of PropDesk's internal processes (an escalation) get the
 * case's priority and no due date.
 */
@Step(label = "任务到期时间和优先级", offered = false)
@Component
public class TaskDeadlines extends AbstractProcessEnginePlugin implements TaskListener {

	/** Task priorities of P1–P4: Tasklist sorts a higher number first, and shows the code again. */
	public static final Map<String, Integer> PRIORITIES = Map.of("P1", 100, "P2", 75, "P3", 50, "P4", 25);

	private final ObjectProvider<SlaRepository> clocks;

	private final ObjectProvider<CaseService> cases;

	private ProcessEngineConfigurationImpl engine;

	TaskDeadlines(ObjectProvider<SlaRepository> clocks, ObjectProvider<CaseService> cases) {
		this.clocks = clocks;
		this.cases = cases;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.engine = configuration;
		UserTaskListeners.onCreate(configuration, this);
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = CaseVariables.CASE_NO.get(task);
		if (caseNo == null) {
			return;
		}
		cases.getObject().find(caseNo).ifPresent(record -> {
			String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
			due(record, processKey, task.getTaskDefinitionKey(), () -> clocks.getObject().ofCase(caseNo))
					.ifPresent(due -> task.setDueDate(Date.from(due.toInstant())));
			priority(record.priority()).ifPresent(task::setPriority);
		});
	}

	/**
	 * Sets the due date and priority of the case's open tasks again, from its clocks as they are now. A case without
	 * open tasks (at intake its clocks start before the first task exists) reads neither the case nor its clocks.
	 */
	void refresh(String caseNo) {
		// PropDesk moves the dates, whoever's step moved the clock: the technician may not change a due date
		Privileged.run(engine, () -> {
			List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).unlimitedList();
			if (tasks.stream().allMatch(task -> ((TaskEntity) task).isDeleted())) {
				return null;
			}
			CaseRecord record = cases.getObject().find(caseNo).orElse(null);
			if (record == null) {
				return null;
			}
			List<SlaClock> caseClocks = clocks.getObject().ofCase(caseNo);
			for (Task found : tasks) {
				TaskEntity task = (TaskEntity) found;
				if (task.isDeleted()) {
					// the step whose completion moved the clock, still in this command's cache
					continue;
				}
				Date due = due(record, task.getProcessDefinition().getKey(), task.getTaskDefinitionKey(), () -> caseClocks)
						.map(time -> Date.from(time.toInstant())).orElse(null);
				int priority = priority(record.priority()).orElse(task.getPriority());
				if (!Objects.equals(due, task.getDueDate()) || priority != task.getPriority()) {
					task.setDueDate(due);
					task.setPriority(priority);
					task.triggerUpdateEvent();
				}
			}
			return null;
		});
	}

	/**
	 * When a task is due: the first open clock of those its case type names for it, or, for a step the table does
	 * not name, the case's nearest running clock; nothing for another process's task (an internal one), whose case's
	 * clocks are then not read.
	 */
	static Optional<OffsetDateTime> due(CaseRecord record, String processKey, String activityId,
			Supplier<List<SlaClock>> clocks) {
		if (!record.type().key().equals(processKey)) {
			return Optional.empty();
		}
		Map<String, SlaClock> latest = new LinkedHashMap<>();
		clocks.get().forEach(clock -> latest.put(clock.sla(), clock));
		List<String> slas = record.type().taskDeadlines().get(activityId);
		if (slas == null) {
			return latest.values().stream().filter(c -> c.state() == SlaClock.State.RUNNING).map(SlaClock::dueAt)
					.min(Comparator.naturalOrder());
		}
		return slas.stream().map(latest::get).filter(c -> c != null && c.open()).map(SlaClock::dueAt).findFirst();
	}

	static Optional<Integer> priority(String code) {
		return Optional.ofNullable(code == null ? null : PRIORITIES.get(code));
	}

}
