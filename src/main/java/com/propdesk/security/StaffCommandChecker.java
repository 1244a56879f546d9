package com.propdesk.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization checks, and what authorizations cannot say:
 * <ul>
 * <li>a task assigned to someone is worked (claimed, completed, commented) only by that person: a
 * colleague offered the same task through the department may not complete it behind the assignee's back.
 * Management and the duty officer do not complete on anyone's behalf either: they reassign through the
 * process (the desk), which the history records. Administrators may.</li>
 * <li>PropDesk's internal processes are not modified through the REST API or the webapps, administrators
 * included.</li>
 * </ul>
 */
class StaffCommandChecker extends AuthorizationCommandChecker {

	private final InternalProcesses internalProcesses;

	StaffCommandChecker(InternalProcesses internalProcesses) {
		this.internalProcesses = internalProcesses;
	}

	@Override
	public void checkTaskWork(TaskEntity task) {
		super.checkTaskWork(task);
		if (People.isStaff() && task.getAssignee() != null
				&& !task.getAssignee().equals(People.person().getUserId())) {
			throw new AuthorizationException("此任务已分配给 " + task.getAssignee() + "，只有受理人本人可以办理");
		}
	}

	@Override
	public void checkUpdateProcessInstance(ExecutionEntity execution) {
		super.checkUpdateProcessInstance(execution);
		if (Context.getCommandInvocationContext().getCommand() instanceof ModifyProcessInstanceCmd
				&& internalProcesses.isInternal(execution.getProcessDefinition().getKey())
				&& InternalProcesses.isPersonsRequest()) {
			throw new AuthorizationException(InternalProcesses.REFUSAL);
		}
	}

}
