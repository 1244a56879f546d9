package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;

/** Who may see and do what, tried over the REST API as each group would. */
@PropDeskTest
@AtDayShift
class AccessControlTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	ApiClient api;

	/** Lists are asked for a page at a time, as Tasklist and Cockpit do: unbounded queries are refused. */
	static final String PAGE = "&firstResult=0&maxResults=50";

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}


	/** A repair the triage table sends to the security department (安保部), worked by 张队长. */
	private CaseRecord securityJob() {
		return cases.open(Reports.repair("1", "1-101", "security", "单元门禁被人撬坏")).record();
	}

	private Task task(CaseRecord c) {
		return taskService.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult();
	}

	@Test
	void unboundedListsAreRefused() throws Exception {
		Answer answer = api.call("GET", "/engine-rest/history/process-instance", null, "Authorization", basic("manager"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("message").asText()).contains("须分页", "maxResults");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/process-definition",
			"/engine-rest/deployment", "/engine-rest/history/process-instance", "/engine-rest/history/task",
			"/engine-rest/user", "/engine-rest/group", "/engine-rest/filter", "/engine-rest/authorization",
			"/api/registry/buildings", "/api/registry/technicians", "/api/cases/R-20261127-0001" })
	void everyRestRootAndStaffEndpointNeedsAuthentication(String path) throws Exception {
		assertThat(api.call("GET", path, null).status()).isEqualTo(401);
	}

	@Test
	void departmentSeesNothingOfAnotherDepartmentsWork() throws Exception {
		CaseRecord job = securityJob();
		Task task = task(job);
		assertThat(task.getAssignee()).isEqualTo("guard");
		String engineer = basic("engineer");

		assertThat(api.call("GET", "/engine-rest/task?processInstanceId=" + job.processInstanceId() + PAGE, null,
				"Authorization", engineer).body()).isEmpty();
		assertThat(api.call("GET", "/engine-rest/task/" + task.getId(), null, "Authorization", engineer).status())
				.isIn(403, 404);
		assertThat(api.call("GET", "/engine-rest/process-instance?processInstanceIds=" + job.processInstanceId() + PAGE, null,
				"Authorization", engineer).body()).isEmpty();
		assertThat(api.call("GET", "/engine-rest/history/process-instance?processInstanceId=" + job.processInstanceId() + PAGE,
				null, "Authorization", engineer).body()).isEmpty();
		assertThat(api.call("GET", "/engine-rest/history/task?processInstanceId=" + job.processInstanceId() + PAGE, null,
				"Authorization", engineer).body()).isEmpty();
		assertThat(api.call("POST", "/engine-rest/task/" + task.getId() + "/complete", "{}", "Authorization", engineer)
				.status()).isIn(403, 404);
		// refused for who they are, before the form is checked: the form's fields and their rules are not told
		for (String action : List.of("complete", "submit-form")) {
			Answer refused = api.call("POST", "/engine-rest/task/" + task.getId() + "/" + action,
					"{\"variables\": {\"nothing\": {\"value\": \"x\"}}}", "Authorization", engineer);
			assertThat(refused.status()).as(action + " " + refused.body()).isEqualTo(403);
			assertThat(refused.body().get("message").asText()).as(action).doesNotContain("表单").doesNotContain("nothing");
		}

		// a case's task is worked, never deleted: refused for who may not read it, in Chinese for who may
		Answer deletedByEngineer = api.call("DELETE", "/engine-rest/task/" + task.getId(), null, "Authorization", engineer);
		Answer deletedByGuard = api.call("DELETE", "/engine-rest/task/" + task.getId(), null, "Authorization", basic("guard"));
		assertThat(deletedByEngineer.status()).as(String.valueOf(deletedByEngineer.body())).isEqualTo(403);
		assertThat(deletedByGuard.status()).as(String.valueOf(deletedByGuard.body())).isEqualTo(400);
		assertThat(deletedByGuard.body().get("message").asText()).contains("不能删除");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

		// the department it is offered to sees it, and so does the service desk
		assertThat(api.call("GET", "/engine-rest/task?processInstanceId=" + job.processInstanceId() + PAGE, null,
				"Authorization", basic("guard")).body()).hasSize(1);
		assertThat(api.call("GET", "/engine-rest/task?processInstanceId=" + job.processInstanceId() + PAGE, null,
				"Authorization", basic("agent")).body()).hasSize(1);
	}

	@Test
	void departmentsReadOnlyTheCasesRoutedToThemAndCannotScoreThem() throws Exception {
		CaseRecord job = securityJob();
		String path = "/api/cases/" + job.caseNo();

		assertThat(api.call("GET", path, null, "Authorization", basic("engineer")).status()).isEqualTo(404);
		assertThat(api.call("GET", path, null, "Authorization", basic("guard")).status()).isEqualTo(200);
		assertThat(api.call("GET", path, null, "Authorization", basic("auditor")).status()).isEqualTo(200);
		assertThat(api.call("POST", path + "/feedback", "{\"score\": 5}", "Authorization", basic("guard")).status())
				.isEqualTo(403);
	}

	@Test
	void auditorReadsHistoryAndCanChangeNothing() throws Exception {
		CaseRecord job = securityJob();
		Task task = task(job);
		String auditor = basic("auditor");
		String diagram = "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
				+ "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"x\"><bpmn:process id=\"audit-try\" "
				+ "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>";

		assertThat(api.call("GET", "/engine-rest/history/process-instance?processInstanceId=" + job.processInstanceId() + PAGE,
				null, "Authorization", auditor).body()).hasSize(1);
		assertThat(api.call("POST", "/engine-rest/task/" + task.getId() + "/complete", "{}", "Authorization", auditor)
				.status()).isIn(403, 404);
		assertThat(api.call("PUT", "/engine-rest/process-instance/" + job.processInstanceId() + "/variables/priority",
				"{\"value\": \"P4\", \"type\": \"String\"}", "Authorization", auditor).status()).isEqualTo(403);
		assertThat(api.call("DELETE", "/engine-rest/process-instance/" + job.processInstanceId(), null, "Authorization",
				auditor).status()).isIn(403, 404);
		assertThat(api.call("POST", "/engine-rest/user/create", """
				{"profile": {"id": "mole", "firstName": "m", "lastName": "m"}, "credentials": {"password": "Tunnel-Pa55-2026!"}}""",
				"Authorization", auditor).status()).isEqualTo(403);
		assertThat(deploy(diagram, auditor)).isEqualTo(403);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(job.processInstanceId()).count()).isOne();
		assertThat(runtimeService.getVariable(job.processInstanceId(), "priority")).isEqualTo("P3");
	}

	@Test
	void serviceDeskCannotDeployButManagementCan() throws Exception {
		String diagram = "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
				+ "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"x\"><bpmn:process id=\"desk-try\" "
				+ "isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><bpmn:startEvent id=\"s\"/></bpmn:process></bpmn:definitions>";

		assertThat(deploy(diagram, basic("agent"))).isEqualTo(403);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("desk-try").count()).isZero();
		assertThat(deploy(diagram, basic("manager"))).isEqualTo(200);
		var deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey("desk-try").singleResult();
		repositoryService.deleteDeployment(deployed.getDeploymentId(), true);
	}

	@Test
	void peopleStartCaseProcessesOnlyNotPropDesksInternalOnes() throws Exception {
		Answer internal = api.call("POST", "/engine-rest/process-definition/key/owner-event/start", "{}", "Authorization",
				basic("agent"));
		Answer watcher = api.call("POST", "/engine-rest/process-definition/key/sla-clock/start", "{}", "Authorization",
				basic("manager"));

		assertThat(internal.status()).isEqualTo(403);
		assertThat(watcher.status()).isEqualTo(403);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("owner-event").latestVersion()
				.singleResult().isStartableInTasklist()).isFalse();
	}

	@Test
	void onlyAdministratorsCreateFiltersAndUsers() throws Exception {
		String filter = """
				{"resourceType": "Task", "name": "我的私人视图", "query": {}, "properties": {}}""";

		assertThat(api.call("POST", "/engine-rest/filter/create", filter, "Authorization", basic("manager")).status())
				.isEqualTo(403);
		assertThat(api.call("POST", "/engine-rest/user/create", """
				{"profile": {"id": "mole2", "firstName": "m", "lastName": "m"}, "credentials": {"password": "Tunnel-Pa55-2026!"}}""",
				"Authorization", basic("manager")).status()).isEqualTo(403);
	}

	@Test
	void javaSerializedVariablesAreRefused() throws Exception {
		CaseRecord job = securityJob();

		Answer answer = api.call("PUT", "/engine-rest/process-instance/" + job.processInstanceId() + "/variables/payload", """
				{"value": "rO0ABXQABHRlc3Q=", "type": "Object",
				 "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}}""",
				"Authorization", basic("admin"));

		assertThat(answer.status()).isGreaterThanOrEqualTo(400);
		assertThat(runtimeService.getVariable(job.processInstanceId(), "payload")).isNull();
	}

	@Test
	void adHocQueryExpressionsAreRefusedAndPagesAreCapped() throws Exception {
		Answer expression = api.call("GET", "/engine-rest/task?assigneeExpression=" + java.net.URLEncoder.encode(
				"${currentUser()}", java.nio.charset.StandardCharsets.UTF_8), null, "Authorization", basic("manager"));
		Answer hugePage = api.call("GET", "/engine-rest/history/process-instance?maxResults=100000", null, "Authorization",
				basic("manager"));

		assertThat(expression.status()).isEqualTo(400);
		assertThat(hugePage.status()).isEqualTo(400);
	}

	@Test
	void apiAnswersCarrySecurityHeadersAndRefuseOversizedBodies() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
				+ "/api/registry/buildings")).header("Authorization", basic("agent")).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");

		Answer oversized = api.call("POST", "/api/cases", "{\"description\": \"" + "漏".repeat(30_000) + "\"}",
				"X-Api-Key", "demo");
		assertThat(oversized.status()).isEqualTo(413);
		assertThat(oversized.contentType()).startsWith("application/problem+json");
	}

	private int deploy(String diagram, String authorization) throws Exception {
		String boundary = "----propdesk";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntry\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"try.bpmn\"\r\n"
				+ "Content-Type: application/xml\r\n\r\n" + diagram + "\r\n--" + boundary + "--\r\n";
		return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization", authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
	}


}
