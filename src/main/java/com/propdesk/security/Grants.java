package com.propdesk.security;

import static com.propdesk.security.Groups.AUDITOR;
import static com.propdesk.security.Groups.CLEANING;
import static com.propdesk.security.Groups.DUTY_OFFICER;
import static com.propdesk.security.Groups.ENGINEERING;
import static com.propdesk.security.Groups.MANAGEMENT;
import static com.propdesk.security.Groups.SECURITY;
import static com.propdesk.security.Groups.SERVICE_DESK;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * What each group may do, as Camunda authorizations (authorization checks are on). Tasks need no
 * grant here: the engine gives a task's assignee and candidate groups the right to work it, so each
 * department sees and works exactly the tasks offered or assigned to it.
 * <ul>
 * <li>departments (engineering, cleaning, security): their tasks; process diagrams to read; Tasklist</li>
 * <li>service desk and duty officer: every running case and task, and open cases; never deploy</li>
 * <li>management: deploy, retry failed jobs, move running cases to another version, and read everything, history
 * included</li>
 * <li>auditor: read history, decisions, deployments and the operation log; change nothing</li>
 * <li>the {@code channel} group of channel systems: open cases through PropDesk's API</li>
 * </ul>
 */
final class Grants {

	/** The group a channel system acts in when it opens a case through the API. */
	static final String CHANNELS = Groups.CHANNELS;

	record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
	}

	private Grants() {
	}

	/** @param caseTypes the processes people and channels may start: the case types, not the internal ones */
	static List<Grant> all(Collection<String> caseTypes) {
		List<Grant> grants = new ArrayList<>();
		List<String> staff = List.of(SERVICE_DESK, ENGINEERING, CLEANING, SECURITY, MANAGEMENT, DUTY_OFFICER, AUDITOR);
		for (String group : staff) {
			grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
			grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
			grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
			grants.add(new Grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
		}
		for (String desk : List.of(SERVICE_DESK, DUTY_OFFICER)) {
			grants.add(new Grant(desk, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY));
			caseTypes.forEach(type -> grants.add(new Grant(desk, Resources.PROCESS_DEFINITION, type,
					ProcessDefinitionPermissions.CREATE_INSTANCE)));
			grants.add(new Grant(desk, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
					ProcessInstancePermissions.READ));
			grants.add(new Grant(desk, Resources.TASK, ANY, TaskPermissions.READ));
			grants.add(new Grant(desk, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
			grants.add(new Grant(desk, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
		}
		grants.add(new Grant(DUTY_OFFICER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
		grants.add(new Grant(DUTY_OFFICER, Resources.DEPLOYMENT, ANY, Permissions.READ));

		grants.add(new Grant(MANAGEMENT, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
		grants.add(new Grant(MANAGEMENT, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
		caseTypes.forEach(type -> grants.add(new Grant(MANAGEMENT, Resources.PROCESS_DEFINITION, type,
				ProcessDefinitionPermissions.CREATE_INSTANCE)));
		grants.add(new Grant(MANAGEMENT, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
				ProcessDefinitionPermissions.READ_HISTORY_VARIABLE));
		// a failed job (an owner event that could not be delivered) runs again when a manager retries it
		grants.add(new Grant(MANAGEMENT, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB));
		grants.add(new Grant(MANAGEMENT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE,
				ProcessInstancePermissions.READ));
		grants.add(new Grant(MANAGEMENT, Resources.TASK, ANY, TaskPermissions.READ));
		grants.add(new Grant(MANAGEMENT, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE));
		grants.add(new Grant(MANAGEMENT, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
		grants.add(new Grant(MANAGEMENT, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
		grants.add(new Grant(MANAGEMENT, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
		grants.add(new Grant(MANAGEMENT, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
		// moving running cases to another version (/api/manage/migrations): the migration batch, and the move itself
		grants.add(new Grant(MANAGEMENT, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.MIGRATE_INSTANCE));
		grants.add(new Grant(MANAGEMENT, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
				Permissions.READ, Permissions.READ_HISTORY));

		grants.add(new Grant(AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
		grants.add(new Grant(AUDITOR, Resources.DEPLOYMENT, ANY, Permissions.READ));
		// read-only view of running cases too: Cockpit CE shows a case only while it runs
		grants.add(new Grant(AUDITOR, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_TASK));
		grants.add(new Grant(AUDITOR, Resources.TASK, ANY, TaskPermissions.READ));
		grants.add(new Grant(AUDITOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY));
		grants.add(new Grant(AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
		grants.add(new Grant(AUDITOR, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
		grants.add(new Grant(AUDITOR, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
		grants.add(new Grant(AUDITOR, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));

		caseTypes.forEach(type -> grants.add(new Grant(CHANNELS, Resources.PROCESS_DEFINITION, type,
				ProcessDefinitionPermissions.CREATE_INSTANCE)));
		grants.add(new Grant(CHANNELS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
		return grants;
	}

	/** Creates each grant that is missing; permissions added by an administrator are kept. */
	static void ensure(AuthorizationService authorizations, Collection<String> caseTypes) {
		for (Grant grant : all(caseTypes)) {
			Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
					.groupIdIn(grant.group()).resourceType(grant.resource()).resourceId(grant.resourceId()).list()
					.stream().findFirst().orElse(null);
			Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
			if (existing == null) {
				authorization.setGroupId(grant.group());
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
			}
			boolean changed = existing == null;
			for (Permission permission : grant.permissions()) {
				if (!authorization.isPermissionGranted(permission)) {
					authorization.addPermission(permission);
					changed = true;
				}
			}
			if (changed) {
				authorizations.saveAuthorization(authorization);
			}
		}
	}

}
