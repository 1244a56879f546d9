package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.AtDayShift;
import com.propdesk.CaseProcessTest;
import com.propdesk.EngineStatements;
import com.propdesk.PropDeskTest;

/**
 * A task's assignee and candidate group get the engine's default grants ({@link NewTaskGrants}): made without asking
 * the database for grants on a task the same command created, and merged with the grant already there when a
 * candidate is added to an existing task.
 */
@PropDeskTest
@AtDayShift
class NewTaskGrantsTests extends CaseProcessTest {

	@Autowired
	AuthorizationService authorizationService;

	/** The engine's look-ups of one grant (of a task, by user or group) while {@code work} runs. */
	private List<EngineStatements.Query> lookUpsWhile(Runnable work) {
		return EngineStatements.of(EngineStatements.during(processEngine, work), "selectAuthorizationByParameters");
	}

	private Authorization grant(String user, String group, Task task, Resources resource) {
		var query = authorizationService.createAuthorizationQuery().resourceType(resource).resourceId(task.getId());
		List<Authorization> grants = (user != null ? query.userIdIn(user) : query.groupIdIn(group)).list();
		assertThat(grants).as("%s's grants on %s", user != null ? user : group, resource).hasSize(1);
		return grants.get(0);
	}

	@Test
	void aNewTasksAssigneeAndCandidateGroupGetTheirGrantsWithoutALookUp() {
		List<Task> created = new ArrayList<>();
		List<EngineStatements.Query> asked = lookUpsWhile(() -> created.add(plumbingAcceptJob()));

		Task task = created.get(0);
		assertThat(task.getAssignee()).isEqualTo("engineer");
		assertThat(asked).as("grants looked up while the task was created").isEmpty();
		for (Authorization grant : List.of(grant("engineer", null, task, Resources.TASK),
				grant(null, Groups.ENGINEERING, task, Resources.TASK))) {
			assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
		}
		assertThat(grant("engineer", null, task, Resources.HISTORIC_TASK).isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
		assertThat(grant(null, Groups.ENGINEERING, task, Resources.HISTORIC_TASK).isPermissionGranted(HistoricTaskPermissions.READ))
				.isTrue();
	}

	@Test
	void aCandidateAddedToAnExistingTaskJoinsTheGrantAlreadyThere() {
		Task task = plumbingAcceptJob();

		List<EngineStatements.Query> asked = lookUpsWhile(() -> {
			taskService.addCandidateGroup(task.getId(), Groups.ENGINEERING);
			taskService.addCandidateUser(task.getId(), "engineer");
			taskService.addCandidateGroup(task.getId(), Groups.CLEANING);
		});

		assertThat(asked).as("an existing task's grants are looked up: task and history for each of three").hasSize(6);
		assertThat(grant(null, Groups.ENGINEERING, task, Resources.TASK).isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(grant("engineer", null, task, Resources.TASK).isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(grant(null, Groups.CLEANING, task, Resources.TASK).isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(grant(null, Groups.CLEANING, task, Resources.HISTORIC_TASK).isPermissionGranted(HistoricTaskPermissions.READ))
				.isTrue();
	}

}
