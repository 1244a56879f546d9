package com.propdesk.security;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ModificationBatchConfiguration;
import org.camunda.bpm.engine.impl.RestartProcessInstancesBatchConfiguration;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrationBatchConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's authorization checks, and what authorizations cannot say:
 * <ul>
 * <li>a task assigned to someone is worked (claimed, completed, commented) only by that person: a
 * colleague offered the same task through the department may not complete it behind the assignee's back.
 * Management and the duty officer do not complete on anyone's behalf either: they reassign through the
 * process (the desk), which the history records. Administrators may.</li>
 * <li>staff do not throw BPMN errors or escalations from a task: PropDesk's diagrams catch none on a user
 * task, so a thrown error ended the whole case's process without a trace on the case. What a person decides
 * on a task is a field of its form, which the process routes on and the history records.</li>
 * <li>PropDesk's internal processes are never modified or restarted — by anyone, administrators included,
 * synchronously or as a batch. PropDesk's own code does neither, so the refusal needs no HTTP request: a
 * batch created before this rule fails when its job runs, and a new batch is refused when it is created.
 * Nor are they migrated to another definition, nor is a case migrated into one of them (plan, instance and
 * batch are each refused).</li>
 * <li>a person's request (REST API, webapps), administrators included, sends no message or signal into an
 * internal instance and neither moves, fires early, suspends nor deletes the timer of one — an SLA clock's due job
 * belongs to {@code sla-clock} although it waits outside any instance: its due time is the clock's, and moving it
 * or running it now fakes or hides a breach. PropDesk's own code does these from inside another engine command, and
 * passes. Retrying a failed job (its retries) stays open:
 * operators retry failed deliveries of owner events that way.</li>
 * </ul>
 */
class StaffCommandChecker extends AuthorizationCommandChecker {

	static final String TIMER_REFUSAL = "PropDesk 内部流程的定时器（如 SLA 到期）不能手工改期或提前触发：到期时间由 SLA 规则决定；失败的作业可以重试";

	static final String NO_BPMN_ERROR = "不能从任务直接抛出流程错误或升级事件：请按表单选择办理结果，流程会按结果流转并留下记录";

	private final InternalProcesses internalProcesses;

	StaffCommandChecker(InternalProcesses internalProcesses) {
		this.internalProcesses = internalProcesses;
	}

	@Override
	public void checkTaskWork(TaskEntity task) {
		super.checkTaskWork(task);
		if (People.isStaff() && task.getAssignee() != null
				&& !task.getAssignee().equals(People.person().getUserId())) {
			throw new AuthorizationException("此任务已分配给 " + assigneeName(task.getAssignee()) + "，只有受理人本人可以办理");
		}
		Command<?> command = Context.getCommandInvocationContext().getCommand();
		if (People.isStaff() && (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd)) {
			throw new AuthorizationException(NO_BPMN_ERROR);
		}
	}

	/** 王师傅（engineer）, as staff know the colleague; the id alone for a user without a name. */
	private static String assigneeName(String id) {
		CommandContext context = Context.getCommandContext();
		User user = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(id));
		String name = user == null ? "" : Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "");
		return name.isBlank() ? id : name + "（" + id + "）";
	}

	@Override
	public void checkCreateProcessInstance(ProcessDefinition definition) {
		super.checkCreateProcessInstance(definition);
		if (internalProcesses.isInternal(definition.getKey()) && modifyingOrRestarting()) {
			throw new AuthorizationException(InternalProcesses.REFUSAL);
		}
	}

	@Override
	public void checkUpdateProcessInstance(ExecutionEntity execution) {
		super.checkUpdateProcessInstance(execution);
		if (internalProcesses.isInternal(execution.getProcessDefinition().getKey())
				&& (modifyingOrRestarting() || InternalProcesses.isPersonsRequest())) {
			throw new AuthorizationException(InternalProcesses.REFUSAL);
		}
	}

	// A person changes nothing of an internal instance, administrators included: not its variables (an escalation's
	// dueAt), not its state, not its existence. PropDesk's own changes run inside another command and pass.

	@Override
	public void checkUpdateProcessInstanceVariables(ExecutionEntity execution) {
		super.checkUpdateProcessInstanceVariables(execution);
		refusePersonOnInternal(execution.getProcessDefinition().getKey());
	}

	// nor through one of its tasks: a task's variables that are not its own are its instance's (a form is submitted
	// with the task's completion, which this does not check)
	@Override
	public void checkUpdateTaskVariable(TaskEntity task) {
		super.checkUpdateTaskVariable(task);
		if (task.getProcessDefinitionId() != null) {
			refusePersonOnInternal(keyOf(task.getProcessDefinitionId()));
		}
	}

	@Override
	public void checkDeleteProcessInstance(ExecutionEntity execution) {
		super.checkDeleteProcessInstance(execution);
		refusePersonOnInternal(execution.getProcessDefinition().getKey());
	}

	@Override
	public void checkUpdateProcessInstanceSuspensionStateById(String processInstanceId) {
		super.checkUpdateProcessInstanceSuspensionStateById(processInstanceId);
		ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
		if (instance != null) {
			refusePersonOnInternal(instance.getProcessDefinition().getKey());
		}
	}

	// the engine checks these when a job of a definition is suspended or activated by its id, as an SLA clock's due
	// job of sla-clock, which no instance holds
	@Override
	public void checkUpdateProcessInstanceByProcessDefinitionId(String processDefinitionId) {
		super.checkUpdateProcessInstanceByProcessDefinitionId(processDefinitionId);
		refusePersonOnInternal(keyOf(processDefinitionId));
	}

	@Override
	public void checkUpdateProcessInstanceByProcessDefinitionKey(String processDefinitionKey) {
		super.checkUpdateProcessInstanceByProcessDefinitionKey(processDefinitionKey);
		refusePersonOnInternal(processDefinitionKey);
	}

	@Override
	public void checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey(String processDefinitionKey) {
		super.checkUpdateProcessInstanceSuspensionStateByProcessDefinitionKey(processDefinitionKey);
		refusePersonOnInternal(processDefinitionKey);
	}

	@Override
	public void checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId(String processDefinitionId) {
		super.checkUpdateProcessInstanceSuspensionStateByProcessDefinitionId(processDefinitionId);
		refusePersonOnInternal(Context.getProcessEngineConfiguration().getDeploymentCache()
				.findDeployedProcessDefinitionById(processDefinitionId).getKey());
	}

	private void refusePersonOnInternal(String processKey) {
		if (processKey != null && internalProcesses.isInternal(processKey) && InternalProcesses.isPersonsRequest()) {
			throw new AuthorizationException(InternalProcesses.REFUSAL);
		}
	}

	@Override
	public void checkUpdateJob(JobEntity job) {
		super.checkUpdateJob(job);
		// any change of an internal timer (due date set or recalculated, run now, priority, suspension) fakes or hides a breach
		if (job instanceof TimerEntity && job.getProcessDefinitionKey() != null && internalProcesses.isInternal(job.getProcessDefinitionKey())
				&& InternalProcesses.isPersonsRequest()) {
			throw new AuthorizationException(TIMER_REFUSAL);
		}
	}

	/**
	 * A person sets no retries on an internal timer that has not failed: retries 0 silence it (no breach ever), and
	 * there is nothing to retry. A failed one (an SLA clock's job that met a database error) may be retried.
	 */
	@Override
	public void checkUpdateRetriesJob(JobEntity job) {
		super.checkUpdateRetriesJob(job);
		if (job instanceof TimerEntity && job.getExceptionMessage() == null && job.getProcessDefinitionKey() != null
				&& internalProcesses.isInternal(job.getProcessDefinitionKey()) && InternalProcesses.isPersonsRequest()) {
			throw new AuthorizationException(TIMER_REFUSAL);
		}
	}

	// Nor does a person delete what PropDesk runs on: an internal process (intake starts owner-event, clocks belong to
	// sla-clock), the version of a process or decision table that is in use (the latest: intake evaluates sla-policy and
	// the triage tables and starts the case types), or every version of a process at once. Without them no case could
	// be opened until PropDesk started again. Older versions of case types and tables may go; a manager rolls back by
	// deploying an earlier version again.

	@Override
	public void checkDeleteDeployment(String deploymentId) {
		super.checkDeleteDeployment(deploymentId);
		if (!InternalProcesses.isPersonsRequest()) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		for (var definition : context.getProcessDefinitionManager().findProcessDefinitionsByDeploymentId(deploymentId)) {
			refuseInternal(definition.getKey());
			refuseInUse(definition.getId(),
					context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(definition.getKey()));
		}
		var decisions = context.getDecisionDefinitionManager();
		for (var decision : decisions.findDecisionDefinitionByDeploymentId(deploymentId)) {
			refuseInUse(decision.getId(), decisions.findLatestDecisionDefinitionByKey(decision.getKey()));
		}
	}

	private static void refuseInUse(String definitionId, ResourceDefinition latest) {
		if (latest != null && latest.getId().equals(definitionId)) {
			throw new AuthorizationException(IN_USE_REFUSAL.formatted(latest.getKey()));
		}
	}

	static final String IN_USE_REFUSAL = "%s 的当前版本正在使用（受理和办理事项要用到），不能删除；要回到以前的版本，请在流程管理中回滚";

	@Override
	public void checkDeleteProcessDefinitionById(String processDefinitionId) {
		super.checkDeleteProcessDefinitionById(processDefinitionId);
		var definitions = Context.getCommandContext().getProcessDefinitionManager();
		var definition = definitions.findLatestProcessDefinitionById(processDefinitionId);
		if (definition != null && InternalProcesses.isPersonsRequest()) {
			refuseInternal(definition.getKey());
			refuseInUse(definition.getId(), definitions.findLatestProcessDefinitionByKey(definition.getKey()));
		}
	}

	@Override
	public void checkDeleteProcessDefinitionByKey(String processDefinitionKey) {
		super.checkDeleteProcessDefinitionByKey(processDefinitionKey);
		if (InternalProcesses.isPersonsRequest()) {
			// every version at once, the one in use among them
			throw new AuthorizationException(IN_USE_REFUSAL.formatted(processDefinitionKey));
		}
	}

	@Override
	public void checkCreateMigrationPlan(ProcessDefinition source, ProcessDefinition target) {
		super.checkCreateMigrationPlan(source, target);
		refuseInternal(source.getKey(), target.getKey());
	}

	@Override
	public void checkMigrateProcessInstance(ExecutionEntity instance, ProcessDefinition target) {
		super.checkMigrateProcessInstance(instance, target);
		refuseInternal(instance.getProcessDefinition().getKey(), target.getKey());
	}

	private void refuseInternal(String... processKeys) {
		for (String key : processKeys) {
			if (internalProcesses.isInternal(key)) {
				throw new AuthorizationException(InternalProcesses.REFUSAL);
			}
		}
	}

	/** A batch that would modify, restart or migrate instances of an internal process is refused when it is created. */
	@Override
	public void checkCreateBatch(Permission permission) {
		super.checkCreateBatch(permission);
		Command<?> command = Context.getCommandInvocationContext().getCommand();
		String definitionId = null;
		if (command instanceof RestartProcessInstancesBatchCmd restart) {
			definitionId = ((RestartProcessInstancesBatchConfiguration) restart.getConfiguration(List.of(), null))
					.getProcessDefinitionId();
		}
		else if (command instanceof ProcessInstanceModificationBatchCmd modify) {
			definitionId = ((ModificationBatchConfiguration) modify.getConfiguration(List.of(), null)).getProcessDefinitionId();
		}
		else if (command instanceof ModifyProcessInstanceAsyncCmd modify) {
			definitionId = definitionOfInstance(modify.getConfiguration(null, null).getIds().get(0));
		}
		else if (command instanceof MigrateProcessInstanceBatchCmd migrate) {
			MigrationPlan plan = ((MigrationBatchConfiguration) migrate.getConfiguration(List.of(), null)).getMigrationPlan();
			refuseInternal(keyOf(plan.getSourceProcessDefinitionId()), keyOf(plan.getTargetProcessDefinitionId()));
		}
		if (definitionId != null) {
			refuseInternal(keyOf(definitionId));
		}
	}

	private static String keyOf(String definitionId) {
		return Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
				.getKey();
	}

	private static String definitionOfInstance(String processInstanceId) {
		CommandContext context = Context.getCommandContext();
		ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
		return instance == null ? null : instance.getProcessDefinitionId();
	}

	/**
	 * True while this thread runs a modification or a restart: whatever way it came (REST, the webapps, a
	 * batch job), each runs inside one of these two commands, which may be called directly rather than
	 * through the command executor, so only the call stack shows them.
	 */
	static boolean modifyingOrRestarting() {
		return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
				.walk(frames -> frames.anyMatch(frame -> ModifyProcessInstanceCmd.class.isAssignableFrom(frame.getDeclaringClass())
						|| AbstractRestartProcessInstanceCmd.class.isAssignableFrom(frame.getDeclaringClass())));
	}

}
