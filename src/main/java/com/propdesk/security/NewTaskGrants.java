package com.propdesk.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's default grants for a task's assignee and candidates (READ and TASK_WORK on the task, READ on its
 * history), without asking the database for an existing grant on a task the same command has just created: no grant
 * can name a task id before the task exists, and grants made earlier in the command are merged from the engine's
 * cache as before. Every user task with a candidate group saved two look-ups this way (the task's and its
 * history's); a task that already existed is looked up as the engine does.
 */
class NewTaskGrants extends DefaultAuthorizationProvider {

	@Override
	protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
			Resource resource) {
		if (isTask(resource) && createdInThisCommand(taskId)) {
			return null;
		}
		return super.getGrantAuthorization(taskId, userId, groupId, resource);
	}

	private static boolean isTask(Resource resource) {
		return resource.resourceType() == Resources.TASK.resourceType()
				|| resource.resourceType() == Resources.HISTORIC_TASK.resourceType();
	}

	private static boolean createdInThisCommand(String taskId) {
		DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
		TaskEntity task = entities.getCachedEntity(TaskEntity.class, taskId);
		return task != null && entities.getDbEntityCache().isTransient(task);
	}

}
