package com.propdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.propdesk.AtDayShift;
import com.propdesk.CaseProcessTest;
import com.propdesk.EngineStatements;
import com.propdesk.PropDeskTest;

/**
 * The engine checks a caller's grants with the caller's groups as they are ({@link AuthorizationChecks}), without
 * first reading the group of every grant there is, and answers as before: a department sees its own task, another
 * department and a group no grant names see nothing.
 */
@PropDeskTest
@AtDayShift
class AuthorizationChecksTests extends CaseProcessTest {

	private static final String EVERY_GRANTS_GROUP = "selectAuthorizedGroupIds";

	/** The tasks {@code user} of {@code groups} finds by the task's id, and the engine's queries meanwhile. */
	private List<EngineStatements.Query> find(String user, List<String> groups, Task task, List<Task> found) {
		identityService.setAuthentication(user, groups);
		try {
			return EngineStatements.during(processEngine,
					() -> found.addAll(taskService.createTaskQuery().taskId(task.getId()).listPage(0, 10)));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void aColleagueInTheDepartmentSeesItsTaskWithoutEveryGrantBeingRead() {
		Task task = plumbingAcceptJob();
		List<Task> found = new ArrayList<>();

		List<EngineStatements.Query> queries = find("engineer2", List.of(Groups.ENGINEERING), task, found);

		assertThat(found).extracting(Task::getId).containsExactly(task.getId());
		assertThat(EngineStatements.of(queries, EVERY_GRANTS_GROUP)).isEmpty();
	}

	@Test
	void anotherDepartmentAndAGroupNoGrantNamesSeeNothing() {
		Task task = plumbingAcceptJob();

		for (List<String> groups : List.of(List.of(Groups.CLEANING), List.of("no-such-group"), List.<String>of())) {
			List<Task> found = new ArrayList<>();
			List<EngineStatements.Query> queries = find("cleaner", groups, task, found);
			assertThat(found).as("found by cleaner of %s", groups).isEmpty();
			assertThat(EngineStatements.of(queries, EVERY_GRANTS_GROUP)).isEmpty();
		}
	}

}
