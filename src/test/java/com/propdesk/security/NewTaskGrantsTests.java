package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.AtDayShift;
import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;

/**
 * A task's assignee and candidate group get the engine's default grants ({@link NewTaskGrants}): made without asking
 * the database for grants on a task the same command created, and merged with the grant already there when a
 * candidate is added to an existing task.
 */
@PropDeskTest
@AtDayShift
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewTaskGrantsTests extends CaseProcessTest {

	/** The engine's look-ups of one grant, while this thread records them. */
	private static final ThreadLocal<List<String>> lookUps = new ThreadLocal<>();

	@Intercepts(@Signature(type = Executor.class, method = "query",
			args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }))
	static class GrantLookUps implements Interceptor {

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			List<String> recorded = lookUps.get();
			MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
			if (recorded != null && statement.getId().endsWith("selectAuthorizationByParameters")) {
				recorded.add(String.valueOf(invocation.getArgs()[1]));
			}
			return invocation.proceed();
		}

	}

	@Autowired
	AuthorizationService authorizationService;

	@BeforeAll
	void recordGrantLookUps() {
		((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getSqlSessionFactory()
				.getConfiguration().addInterceptor(new GrantLookUps());
	}

	private List<String> lookUpsWhile(Runnable work) {
		lookUps.set(new ArrayList<>());
		try {
			work.run();
			return lookUps.get();
		}
		finally {
			lookUps.remove();
		}
	}

	/** The plumbing job's 接单: assigned to engineer and offered to the engineering department. */
	private Task acceptJob() {
		String instance = cases.open(Reports.repair("1", "1-301", "plumbing", "水管滴水")).record().processInstanceId();
		return taskService.createTaskQuery().processInstanceId(instance).singleResult();
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
		List<String> asked = lookUpsWhile(() -> created.add(acceptJob()));

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
		Task task = acceptJob();

		List<String> asked = lookUpsWhile(() -> {
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
