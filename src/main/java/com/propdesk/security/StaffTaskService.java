package com.propdesk.security;

import java.io.InputStream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;

/**
 * The engine's task service, with three rules for what staff do through the REST API and Tasklist:
 * <ul>
 * <li>a comment is work on the task: it needs the right to work the task (auditors, who change nothing,
 * never comment), a comment on a whole case needs the right to update the case; every comment a person
 * adds is written to the user operation log, and so to the audit trail (the engine logs only changes and
 * deletions of comments);</li>
 * <li>the assignee may hand a task back (unclaim) with the right to work it; assigning it to anyone else
 * needs the right to assign, which staff do not hold, and a claim is for oneself only (a claim for a colleague
 * would be an assignment);</li>
 * <li>staff add, change and delete no attachments: a file or link on a case goes through PropDesk's own upload
 * API, with type and size limits, never through the engine's attachments, which take any content and any
 * link ({@code javascript:} included) that Tasklist then shows to colleagues.</li>
 * </ul>
 */
class StaffTaskService extends TaskServiceImpl {

	/** The operation type of an added comment in the user operation log. */
	static final String ADD_COMMENT = "AddComment";

	@Override
	public Comment createComment(String taskId, String processInstanceId, String message) {
		return commandExecutor.execute(new LoggedCommentCmd(taskId, processInstanceId, message));
	}

	static final String NO_ATTACHMENTS = "不能通过 Tasklist 或引擎接口添加、修改或删除附件：照片和文件请通过 PropDesk 的上传接口提交";

	@Override
	public Attachment createAttachment(String type, String taskId, String processInstanceId, String name,
			String description, InputStream content) {
		return commandExecutor.execute(new NotByStaff<>(
				new CreateAttachmentCmd(type, taskId, processInstanceId, name, description, content, null)));
	}

	@Override
	public Attachment createAttachment(String type, String taskId, String processInstanceId, String name,
			String description, String url) {
		return commandExecutor.execute(new NotByStaff<>(
				new CreateAttachmentCmd(type, taskId, processInstanceId, name, description, null, url)));
	}

	@Override
	public void deleteAttachment(String attachmentId) {
		commandExecutor.execute(new NotByStaff<>(new DeleteAttachmentCmd(attachmentId)));
	}

	@Override
	public void deleteTaskAttachment(String taskId, String attachmentId) {
		commandExecutor.execute(new NotByStaff<>(new DeleteAttachmentCmd(taskId, attachmentId)));
	}

	@Override
	public void saveAttachment(Attachment attachment) {
		commandExecutor.execute(new NotByStaff<>(new SaveAttachmentCmd(attachment)));
	}

	/** An attachment command that only administrators and PropDesk's own code run. */
	record NotByStaff<T>(Command<T> command) implements Command<T> {

		@Override
		public T execute(CommandContext context) {
			if (People.isStaff()) {
				throw new AuthorizationException(NO_ATTACHMENTS);
			}
			return command.execute(context);
		}

	}

	static final String CLAIM_FOR_SELF = "只能为自己认领任务：把任务交给别人是分派，需要分派的权限";

	/** A person claims a task for themself; claiming it for anyone else would assign it past every rule of who works it. */
	@Override
	public void claim(String taskId, String userId) {
		commandExecutor.execute(new ClaimForSelf(new ClaimTaskCmd(taskId, userId), userId));
	}

	record ClaimForSelf(Command<Void> claim, String userId) implements Command<Void> {

		@Override
		public Void execute(CommandContext context) {
			if (People.isStaff() && userId != null && !userId.equals(People.person().getUserId())) {
				throw new AuthorizationException(CLAIM_FOR_SELF);
			}
			return claim.execute(context);
		}

	}

	@Override
	public void setAssignee(String taskId, String userId) {
		if (userId == null) {
			commandExecutor.execute(new UnclaimCmd(taskId));
		}
		else {
			super.setAssignee(taskId, userId);
		}
	}

	static final class LoggedCommentCmd extends AddCommentCmd {

		private static final long serialVersionUID = 1L;

		LoggedCommentCmd(String taskId, String processInstanceId, String message) {
			super(taskId, processInstanceId, message);
		}

		@Override
		public Comment execute(CommandContext commandContext) {
			TaskEntity task = null;
			if (taskId != null) {
				task = commandContext.getTaskManager().findTaskById(taskId);
				if (task == null) {
					throw new NotFoundException("任务不存在：" + taskId);
				}
				TaskEntity worked = task;
				refusedAs("没有办理此任务的权限，不能添加评论：评论由能办理此任务的人（受理人或候选部门）添加",
						() -> commandContext.getProcessEngineConfiguration().getCommandCheckers()
								.forEach(checker -> checker.checkTaskWork(worked)));
			}
			else if (processInstanceId != null) {
				refusedAs("没有修改此事项流程的权限，不能对其添加评论",
						() -> commandContext.getProcessEngineConfiguration().getCommandCheckers()
								.forEach(checker -> checker.checkUpdateProcessInstanceById(processInstanceId)));
			}
			Comment comment = super.execute(commandContext);
			PropertyChange added = new PropertyChange("comment", null, message);
			if (task != null) {
				commandContext.getOperationLogManager().logCommentOperation(ADD_COMMENT, task, added);
			}
			else {
				ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
				if (instance != null) {
					commandContext.getOperationLogManager().logCommentOperation(ADD_COMMENT, instance, added);
				}
			}
			return comment;
		}

	}

	/** The engine's refusal (which lists permissions in English) in words the user reads; PropDesk's own stay. */
	static void refusedAs(String reason, Runnable check) {
		try {
			check.run();
		}
		catch (AuthorizationException e) {
			if (e.getMissingAuthorizations() == null || e.getMissingAuthorizations().isEmpty()) {
				throw e;
			}
			throw new AuthorizationException(reason);
		}
	}

	/** Removes the assignee; the assignee themself needs only the right to work the task. */
	static final class UnclaimCmd extends AssignTaskCmd {

		private static final long serialVersionUID = 1L;

		UnclaimCmd(String taskId) {
			super(taskId, null);
		}

		@Override
		protected void checkTaskAgainstContext(TaskEntity task, CommandContext context) {
			String user = context.getAuthenticatedUserId();
			if (user != null && user.equals(task.getAssignee())) {
				for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
					checker.checkTaskWork(task);
				}
			}
			else {
				super.checkTaskAgainstContext(task, context);
			}
		}

	}

}
