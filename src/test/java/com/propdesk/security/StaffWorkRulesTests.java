package com.propdesk.security;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.JdbcTemplate;
import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.OwnerEventJobs;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.audit.AuditTrail;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;

/** Staff work their own tasks and nothing more; nobody starts PropDesk's internal processes; errors are 4xx. */
@PropDeskTest
@AtDayShift
class StaffWorkRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService managementService;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuditTrail trail;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}


	/** A plumbing repair, dispatched to engineer 王师傅 and offered to the engineering department. */
	private Task plumbingJob() {
		CaseRecord job = cases.open(Reports.repair("1", "1-301", "plumbing", "水管滴水")).record();
		Task task = taskService.createTaskQuery().processInstanceId(job.processInstanceId()).singleResult();
		assertThat(task.getAssignee()).isEqualTo("engineer");
		return task;
	}

	@Test
	void aColleagueCannotCompleteATaskAssignedToSomeoneElse() throws Exception {
		Task task = plumbingJob();
		taskService.addCandidateGroup(task.getId(), "engineering");

		Answer completed = api.call("POST", "/engine-rest/task/" + task.getId() + "/complete", "{}", "Authorization",
				basic("engineer2"));
		Answer claimed = api.call("POST", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"engineer2\"}",
				"Authorization", basic("engineer2"));

		assertThat(completed.status()).isEqualTo(403);
		assertThat(completed.body().get("message").asText()).isEqualTo("此任务已分配给 王师傅（engineer），只有受理人本人可以办理");
		assertThat(claimed.status()).isEqualTo(403);
		assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("engineer");
	}

	@Test
	void theAssigneeWorksTheTaskButCannotChangeVariablesReassignOrAddCandidates() throws Exception {
		Task task = plumbingJob();
		String engineer = basic("engineer");
		String path = "/engine-rest/task/" + task.getId();

		assertThat(api.call("PUT", path + "/variables/priority", "{\"value\": \"P1\", \"type\": \"String\"}",
				"Authorization", engineer).status()).isEqualTo(403);
		assertThat(api.call("POST", path + "/variables", "{\"modifications\": {\"priority\": {\"value\": \"P1\"}}}",
				"Authorization", engineer).status()).isEqualTo(403);
		assertThat(api.call("PUT", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/priority",
				"{\"value\": \"P1\", \"type\": \"String\"}", "Authorization", engineer).status()).isIn(403, 404);
		assertThat(api.call("POST", path + "/assignee", "{\"userId\": \"guard\"}", "Authorization", engineer).status())
				.isEqualTo(403);
		assertThat(api.call("POST", path + "/identity-links", "{\"groupId\": \"security\", \"type\": \"candidate\"}",
				"Authorization", engineer).status()).isEqualTo(403);

		assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "priority")).isEqualTo("P3");
		assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
				.doesNotContain("security");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("engineer");

		// what Tasklist does: hand back, claim again, comment, complete with the form's values
		assertThat(api.call("POST", path + "/unclaim", null, "Authorization", engineer).status()).isEqualTo(204);
		taskService.addCandidateGroup(task.getId(), "engineering");
		// a claim is for oneself: claiming for a colleague, or for someone outside the department, is assigning
		for (String other : List.of("engineer2", "cleaner")) {
			Answer forOther = api.call("POST", path + "/claim", "{\"userId\": \"" + other + "\"}", "Authorization", engineer);
			assertThat(forOther.status()).as(other).isEqualTo(403);
			assertThat(forOther.body().get("message").asText()).contains("只能为自己认领");
		}
		assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		assertThat(api.call("POST", path + "/claim", "{\"userId\": \"engineer\"}", "Authorization", engineer).status())
				.isEqualTo(204);
		assertThat(api.call("POST", path + "/comment/create", "{\"message\": \"十分钟到\"}", "Authorization", engineer)
				.status()).isEqualTo(200);
		assertThat(api.call("POST", path + "/complete", "{\"variables\": {\"eta\": {\"value\": \"2026-11-27T11:00+08:00\"}}}",
				"Authorization", engineer).status()).isEqualTo(204);
	}

	@Test
	void auditorsNeverCommentAndEveryCommentAPersonAddsIsInTheAuditTrail() throws Exception {
		Task task = plumbingJob();
		String path = "/engine-rest/task/" + task.getId() + "/comment/create";

		for (String reader : new String[] { "auditor", "manager", "duty" }) {
			assertThat(api.call("POST", path, "{\"message\": \"已阅\"}", "Authorization", basic(reader)).status())
					.as(reader).isEqualTo(403);
		}
		assertThat(taskService.getTaskComments(task.getId())).isEmpty();

		assertThat(api.call("POST", path, "{\"message\": \"阀门已关，等配件\"}", "Authorization", basic("engineer"))
				.status()).isEqualTo(200);

		assertThat(historyService.createUserOperationLogQuery().taskId(task.getId()).operationType("AddComment")
				.singleResult().getUserId()).isEqualTo("engineer");
		assertThat(trail.entries()).anySatisfy(entry -> {
			assertThat(entry.actor()).isEqualTo("engineer");
			assertThat(entry.detail()).contains("AddComment").contains("阀门已关，等配件");
		});
	}

	@Test
	void staffAddNoAttachmentsThroughTheEngineNeitherOnTasksNorOnCases() throws Exception {
		Task task = plumbingJob();
		String multipart = "--b\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n现场照片\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\njavascript:alert(document.cookie)\r\n--b--\r\n";

		var onTask = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/task/" + task.getId()
						+ "/attachment/create"))
				.header("Authorization", basic("engineer")).header("Content-Type", "multipart/form-data; boundary=b")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(multipart)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(onTask.statusCode()).as(onTask.body()).isEqualTo(403);
		assertThat(onTask.body()).contains("上传接口");
		assertThatThrownByStaff(() -> taskService.createAttachment("url", null, task.getProcessInstanceId(), "链接", null,
				"javascript:alert(1)"));
		assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();
		assertThat(taskService.getProcessInstanceAttachments(task.getProcessInstanceId())).isEmpty();

		// nor delete one an administrator added (the REST API answers any refusal of a deletion as 404)
		var attachment = taskService.createAttachment("url", task.getId(), null, "图纸", null, "https://propdesk.local/a.pdf");
		Answer deleted = api.call("DELETE", "/engine-rest/task/" + task.getId() + "/attachment/" + attachment.getId(), null,
				"Authorization", basic("engineer"));
		assertThat(deleted.status()).isIn(403, 404);
		assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
		assertThatThrownByStaff(() -> taskService.deleteAttachment(attachment.getId()));
		assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
	}

	private void assertThatThrownByStaff(Runnable call) {
		identityService.setAuthentication("agent", java.util.List.of("service-desk"));
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
					.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void staffCannotRenameThemselvesButMayChangeTheirPassword() throws Exception {
		Answer renamed = api.call("PUT", "/engine-rest/user/agent/profile",
				"{\"id\": \"agent\", \"firstName\": \"周\", \"lastName\": \"经理\", \"email\": \"agent@propdesk.local\"}",
				"Authorization", basic("agent"));
		Answer deleted = api.call("DELETE", "/engine-rest/user/agent", null, "Authorization", basic("agent"));
		try {
			Answer weak = api.call("PUT", "/engine-rest/user/agent/credentials",
					"{\"password\": \"1\", \"authenticatedUserPassword\": \"demo\"}", "Authorization", basic("agent"));
			Answer ownName = api.call("PUT", "/engine-rest/user/agent/credentials",
					"{\"password\": \"Agent-2026-desk\", \"authenticatedUserPassword\": \"demo\"}", "Authorization",
					basic("agent"));
			assertThat(weak.status()).as("the password policy: " + weak.body()).isEqualTo(400);
			assertThat(ownName.status()).as("a password holding the user's id: " + ownName.body()).isEqualTo(400);
			assertThat(identityService.checkPassword("agent", "demo")).as("unchanged").isTrue();

			Answer password = api.call("PUT", "/engine-rest/user/agent/credentials",
					"{\"password\": \"Kefu-2026-desk\", \"authenticatedUserPassword\": \"demo\"}", "Authorization",
					basic("agent"));
			assertThat(password.status()).as(String.valueOf(password.body())).isEqualTo(204);
			assertThat(identityService.checkPassword("agent", "Kefu-2026-desk")).isTrue();
		}
		finally {
			// the demo's password back, for the other tests of this context
			var agent = identityService.createUserQuery().userId("agent").singleResult();
			agent.setPassword("demo");
			((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(agent, true);
		}

		assertThat(renamed.status()).isEqualTo(403);
		assertThat(deleted.status()).isEqualTo(403);
		var agent = identityService.createUserQuery().userId("agent").singleResult();
		assertThat(agent.getFirstName() + agent.getLastName()).isEqualTo("李客服");
	}

	@Test
	void nobodyStartsInternalProcessesThroughRestAdminIncluded() throws Exception {
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("owner-event").count();

		for (String body : new String[] { "{}", "{\"skipCustomListeners\": true, \"skipIoMappings\": true}" }) {
			Answer started = api.call("POST", "/engine-rest/process-definition/key/owner-event/start", body,
					"Authorization", basic("admin"));
			assertThat(started.status()).as(body).isIn(400, 403);
		}
		assertThat(api.call("POST", "/engine-rest/process-definition/key/sla-clock/submit-form", "{}",
				"Authorization", basic("admin")).status()).isEqualTo(403);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("owner-event").count())
				.isEqualTo(before);

		// PropDesk's own work goes on: opening a case tells the owner, the callback a job listed under owner-event
		CaseRecord job = cases.open(Reports.repair("1", "1-302", "plumbing", "水管滴水")).record();
		assertThat(OwnerEventJobs.callbacks(managementService, jdbc, job.caseNo())).isNotEmpty();
	}

	@Test
	void userErrorsOnTheEngineRestApiAnswer4xxNot500() throws Exception {
		Answer negative = api.call("GET", "/engine-rest/task?firstResult=-5&maxResults=10", null, "Authorization",
				basic("manager"));
		Answer notANumber = api.call("GET", "/engine-rest/history/process-instance?firstResult=0&maxResults=x", null,
				"Authorization", basic("manager"));

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body().get("message").asText()).contains("firstResult");
		assertThat(notANumber.status()).isEqualTo(400);
	}

	@Test
	void metricsAreNotReadableWithoutLogin() throws Exception {
		assertThat(api.call("GET", "/actuator/health", null).status()).isEqualTo(200);
		assertThat(api.call("GET", "/actuator/metrics", null).status()).isIn(401, 403, 404);
		assertThat(api.call("GET", "/actuator/metrics/jvm.memory.used", null).status()).isIn(401, 403, 404);
	}

}
