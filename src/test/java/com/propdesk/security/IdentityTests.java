package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseCards;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/**
 * The identity other systems and staff rely on: the group ids, the demo users, the seeded Tasklist filters and HTTP
 * Basic on the engine's REST API.
 */
@PropDeskTest
class IdentityTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	CaseService cases;

	@AfterEach
	void tearDown() {
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		TestClock.reset();
	}

	@Test
	void contractGroupsAndDemoUsersExist() {
		assertThat(identityService.createGroupQuery().list()).extracting(Group::getId).contains("service-desk",
				"engineering", "cleaning", "security", "management", "duty-officer", "auditor", "camunda-admin");
		assertThat(identityService.checkPassword("admin", "demo")).isTrue();
		for (String user : List.of("agent", "engineer", "cleaner", "guard", "manager", "duty", "auditor")) {
			assertThat(identityService.createUserQuery().userId(user).count()).as(user).isOne();
		}
		assertThat(identityService.createGroupQuery().groupMember("duty").singleResult().getId()).isEqualTo("duty-officer");
	}

	@Test
	void tasklistFiltersAreSeededWithReadGrants() {
		Filter mine = filterService.createFilterQuery().filterName("我的任务").singleResult();
		Filter department = filterService.createFilterQuery().filterName("本部门待办").singleResult();
		Filter all = filterService.createFilterQuery().filterName("全部").singleResult();

		assertThat(List.of(mine, department, all)).doesNotContainNull();
		assertThat(readers(mine)).contains("engineering", "service-desk", "duty-officer");
		assertThat(readers(all)).containsExactlyInAnyOrder("management", "duty-officer", "service-desk");
	}

	@Test
	void myTasksFilterShowsTheTechnicianTheirDispatchedRepair() {
		TestClock.set(TestClock.DAY);
		String instance = cases.open(Reports.repair("1", "1-301", "plumbing", "水管滴水")).record().processInstanceId();
		Filter mine = filterService.createFilterQuery().filterName("我的任务").singleResult();

		identityService.setAuthentication("engineer", List.of("engineering"));
		try {
			assertThat(filterService.listPage(mine.getId(), 0, 50)).extracting(
					task -> ((org.camunda.bpm.engine.task.Task) task).getProcessInstanceId()).contains(instance);
			// the card shows the case to a technician who may not read the case's process variables
			String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
			assertThat(taskService.getVariableLocal(taskId, CaseCards.VARIABLE).toString())
					.matches("R-20261127-\\d+ · P3 · 1号楼 1-301 · 水管滴水");
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void engineRestNeedsBasicAndHistoryNamesWhoActed() throws Exception {
		TestClock.set(TestClock.DAY);
		String caseNo = cases.open(Reports.repair("1", "1-302", "plumbing", "水管滴水")).record().caseNo();
		String taskId = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo)
				.singleResult().getId();
		ApiClient api = new ApiClient(port);

		var anonymous = api.call("GET", "/engine-rest/task", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body().path("message").asText()).as("said, in Chinese").contains("未登录", "HTTP Basic");
		// a wrong password of another user: Camunda's login throttling would lock engineer out for seconds
		var wrong = api.call("GET", "/engine-rest/task", null, "Authorization", basic("cleaner", "wrong"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/json");
		assertThat(wrong.body().path("message").asText()).contains("用户名、密码不正确");
		// the technician accepts the job (接单) through the REST API, as a mobile client would
		var completed = api.call("POST", "/engine-rest/task/" + taskId + "/complete", """
				{"variables": {"eta": {"value": "%s"}}}""".formatted(Clock.now().plusMinutes(10)), "Authorization", basic("engineer"));

		assertThat(completed.status()).as(String.valueOf(completed.body())).isEqualTo(204);
		assertThat(historyService.createUserOperationLogQuery().taskId(taskId).operationType("Complete").singleResult()
				.getUserId()).isEqualTo("engineer");
		assertThat(cases.timeline(caseNo)).anySatisfy(e -> {
			assertThat(e.kind()).isEqualTo("sla-met");
			assertThat(e.message()).startsWith("维修响应");
			assertThat(e.actor()).isEqualTo("engineer");
		});
	}

	private List<String> readers(Filter filter) {
		return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
				.list().stream().filter(a -> a.getGroupId() != null && a.isPermissionGranted(Permissions.READ))
				.map(a -> a.getGroupId()).toList();
	}

}
