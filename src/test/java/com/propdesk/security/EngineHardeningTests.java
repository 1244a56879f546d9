package com.propdesk.security;

import org.springframework.jdbc.core.JdbcTemplate;
import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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
import com.propdesk.Work;
import com.propdesk.complaint.ComplaintProcess;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/** What an outside tester still got through the engine's REST API and the webapps, each tried again. */
@PropDeskTest
@AtDayShift
class EngineHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
	ManagementService managementService;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	SlaService slas;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		throttle.clear();
	}

	@AfterEach
	void tearDown() {
		managementService.createBatchQuery().list().forEach(b -> managementService.deleteBatch(b.getId(), true));
		throttle.clear();
	}

	/** A plumbing repair dispatched to engineer; its first task is 接单 (repair-accept). */
	private Task acceptTask(CaseRecord job) {
		Task task = taskService.createTaskQuery().processInstanceId(job.processInstanceId()).singleResult();
		assertThat(task.getAssignee()).isEqualTo("engineer");
		assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AcceptJob");
		return task;
	}

	private CaseRecord plumbingJob(String unit) {
		return cases.open(Reports.repair("1", unit, "plumbing", "水管滴水")).record();
	}

	/** An owner-event instance, as PropDesk started one per event before callbacks became jobs. */
	private ProcessInstance ownerEventOf(CaseRecord job) {
		return OwnerEventJobs.legacyInstance(runtimeService, jdbc, job.caseNo());
	}

	private long callbacksPosted() {
		return historyService.createHistoricActivityInstanceQuery().activityId("Task_SendCallback").count();
	}

	/** Tasklist sets a follow-up date by sending the task back as it read it, form reference included. */
	@Test
	void aTaskWithACamundaFormTakesBackTheTaskItWasReadAsWithANewFollowUpDate() throws Exception {
		Task accept = acceptTask(plumbingJob("1-1201"));
		Answer read = api.call("GET", "/engine-rest/task/" + accept.getId(), null, "Authorization", basic("admin"));
		assertThat(read.body().path("camundaFormRef").path("key").asText()).isEqualTo("repair-accept");
		var task = (com.fasterxml.jackson.databind.node.ObjectNode) read.body();
		task.put("followUp", "2026-11-28T09:00:00.000+0800");

		Answer update = api.call("PUT", "/engine-rest/task/" + accept.getId(), task.toString(), "Authorization", basic("admin"));

		assertThat(update.status()).as(String.valueOf(update.body())).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(accept.getId()).singleResult().getFollowUpDate())
				.isEqualTo(java.time.OffsetDateTime.parse("2026-11-28T09:00:00+08:00").toInstant());
	}

	/**
	 * Tasklist and Cockpit show the engine's refusal as it comes: it names the missing permission in Chinese, without
	 * the English sentence and the resource ids ("The user with id … does not have 'TASK_ASSIGN' permission on
	 * resource 'b4c9…'").
	 */
	@Test
	void aRefusalNamesTheMissingPermissionInChineseWithoutIds() throws Exception {
		CaseRecord job = plumbingJob("1-1201");
		Task accept = acceptTask(job);

		Answer addGroup = api.call("POST", "/engine-rest/task/" + accept.getId() + "/identity-links",
				"{\"groupId\": \"security\", \"type\": \"candidate\"}", "Authorization", basic("engineer"));
		Answer deleteVariable = api.call("DELETE", "/engine-rest/process-instance/" + job.processInstanceId()
				+ "/variables/building", null, "Authorization", basic("manager"));

		for (Answer refused : List.of(addGroup, deleteVariable)) {
			assertThat(refused.status()).isEqualTo(403);
			String message = refused.body().path("message").asText();
			assertThat(message).startsWith("没有权限：此操作需要「").doesNotContain(accept.getId(), job.processInstanceId())
					.doesNotContainPattern("[A-Za-z]{4,}");
			assertThat(refused.body().path("missingAuthorizations").isArray()).as("the REST API's shape stays").isTrue();
		}
		assertThat(addGroup.body().path("message").asText()).contains("「指派任务」（任务）");
		assertThat(taskService.getIdentityLinksForTask(accept.getId())).noneMatch(l -> "security".equals(l.getGroupId()));
		assertThat(runtimeService.getVariable(job.processInstanceId(), "building")).isEqualTo("1");
	}

	@Test
	void nobodyRestartsOrModifiesInternalProcessesSyncOrAsyncAdminIncluded() throws Exception {
		String admin = basic("admin");
		ProcessInstance finished = ownerEventOf(plumbingJob("1-501"));
		runtimeService.deleteProcessInstance(finished.getId(), "finished for the test");
		ProcessInstance running = ownerEventOf(plumbingJob("1-502"));
		String definition = "/engine-rest/process-definition/" + running.getProcessDefinitionId();
		long callbacks = callbacksPosted();
		long instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("owner-event").count();

		String restart = """
				{"processInstanceIds": ["%s"], "skipCustomListeners": true,
				 "instructions": [{"type": "startBeforeActivity", "activityId": "Task_SendCallback"}]}"""
				.formatted(finished.getId());
		Answer restarted = api.call("POST", definition + "/restart", restart, "Authorization", admin);
		Answer restartedLater = api.call("POST", definition + "/restart-async", restart, "Authorization", admin);
		String modification = """
				{"skipCustomListeners": true, "instructions": [{"type": "startBeforeActivity", "activityId": "Task_SendCallback"}]}""";
		Answer modifiedLater = api.call("POST", "/engine-rest/process-instance/" + running.getId() + "/modification-async",
				modification, "Authorization", admin);
		String batch = """
				{"processDefinitionId": "%s", "processInstanceIds": ["%s"], "skipCustomListeners": true,
				 "instructions": [{"type": "startBeforeActivity", "activityId": "Task_SendCallback"}]}"""
				.formatted(running.getProcessDefinitionId(), running.getId());
		Answer executed = api.call("POST", "/engine-rest/modification/execute", batch, "Authorization", admin);
		Answer executedLater = api.call("POST", "/engine-rest/modification/executeAsync", batch, "Authorization", admin);

		for (Answer answer : new Answer[] { restarted, restartedLater, modifiedLater, executed, executedLater }) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.body().get("message").asText()).contains("PropDesk 内部");
		}
		assertThat(managementService.createBatchQuery().count()).isZero();
		assertThat(callbacksPosted()).isEqualTo(callbacks);
		assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("owner-event").count())
				.isEqualTo(instances);
	}

	@Test
	void theRefusalNeedsNoRequestItHoldsInsideABatchJobToo() {
		ProcessInstance running = ownerEventOf(plumbingJob("1-601"));
		long callbacks = callbacksPosted();
		var modification = (ModificationBuilderImpl) runtimeService.createModification(running.getProcessDefinitionId())
				.startBeforeActivity("Task_SendCallback").processInstanceIds(running.getId());

		// what a modification batch's job runs, in the job executor, with no user and no HTTP request
		assertThatThrownBy(() -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
				.execute(context -> new ProcessInstanceModificationCmd(modification, false).execute(context)))
				.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(running.getId())
				.startBeforeActivity("Task_SendCallback").executeAsync()).isInstanceOf(AuthorizationException.class);
		assertThat(callbacksPosted()).isEqualTo(callbacks);
		assertThat(managementService.createBatchQuery().count()).isZero();
	}

	@Test
	void aCheckboxLeftOutOfASubmissionIsUncheckedAsTasklistWouldSendIt() throws Exception {
		String caseNo = cases.open(new CaseRequest("complaint", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("李先生", "13900000000"), "5", "5-1801", "sanitation", "垃圾桶两天没清", null,
				"请尽快处理", "保洁")).record().caseNo();
		String instance = cases.find(caseNo).orElseThrow().processInstanceId();
		// a unit no other test complains about: a repeat complaint would be major and skip the first response
		Task first = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ComplaintProcess.FIRST_RESPONSE)
				.singleResult();
		taskService.claim(first.getId(), "agent");

		// the REST client leaves out both checkboxes (改为重大投诉, 转为邻里纠纷调解), as a channel system's script might
		Answer answered = api.call("POST", "/engine-rest/task/" + first.getId() + "/submit-form", """
				{"variables": {"firstContactNote": {"value": "已致电业主，答应今天清理"},
				 "responsibleDepartment": {"value": "cleaning"}}}""", "Authorization", basic("agent"));

		assertThat(answered.status()).as("%s", answered.body()).isEqualTo(204);
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("retier")
				.singleResult().getValue()).isEqualTo(false);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
				.as("kept ordinary, as unticked").isEqualTo(ComplaintProcess.RESOLVE);
	}

	@Test
	void staffSetOnlyTheFieldsOfTheTasksFormWithPlainValues() throws Exception {
		CaseRecord job = plumbingJob("1-602");
		CaseRecord other = plumbingJob("1-701");
		Task task = acceptTask(job);
		String engineer = basic("engineer");
		String submit = "/engine-rest/task/" + task.getId() + "/submit-form";

		Answer priority = api.call("POST", "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\": {\"priority\": {\"value\": \"P4\"}}}", "Authorization", engineer);
		Answer file = api.call("POST", submit, """
				{"variables": {"eta": {"type": "Object", "value": "\\"/etc/passwd\\"",
				 "valueInfo": {"objectTypeName": "java.io.File", "serializationDataFormat": "application/json"}}}}""",
				"Authorization", engineer);
		Answer resolved = api.call("POST", "/engine-rest/task/" + task.getId() + "/resolve",
				"{\"variables\": {\"priority\": {\"value\": \"P4\"}}}", "Authorization", engineer);

		assertThat(priority.status()).isEqualTo(400);
		assertThat(priority.body().get("message").asText()).contains("priority");
		assertThat(file.status()).isEqualTo(400);
		assertThat(file.body().get("message").asText()).contains("预计到场时间");
		assertThat(resolved.status()).isEqualTo(400);
		assertThat(runtimeService.getVariable(job.processInstanceId(), "priority")).isEqualTo("P3");
		assertThat(runtimeService.getVariable(job.processInstanceId(), "eta")).isNull();
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

		// the case number is display only on the form: what is sent for it is dropped, never written
		String eta = com.propdesk.system.Clock.now().plusMinutes(15).withNano(0).toString();
		Answer anotherCase = api.call("POST", submit, "{\"variables\": {\"caseNo\": {\"value\": \"" + other.caseNo()
				+ "\", \"type\": \"String\"}, \"repairNotes\": {\"value\": null}, \"eta\": {\"value\": \"" + eta
				+ "\", \"type\": \"String\"}}}", "Authorization", engineer);
		assertThat(anotherCase.status()).isEqualTo(204);
		assertThat(runtimeService.getVariable(job.processInstanceId(), "caseNo")).isEqualTo(job.caseNo());
		assertThat(runtimeService.getVariable(other.processInstanceId(), "caseNo")).isEqualTo(other.caseNo());
		assertThat(runtimeService.getVariable(job.processInstanceId(), "eta"))
				.isEqualTo(java.util.Date.from(java.time.OffsetDateTime.parse(eta).toInstant()));
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(job.processInstanceId()).variableUpdates()
				.list()).noneMatch(update -> "caseNo".equals(((HistoricVariableUpdate) update)
						.getVariableName()) && other.caseNo().equals(((HistoricVariableUpdate) update).getValue()));

		// done: the same submission again is not found, not a server error
		Answer again = api.call("POST", submit, "{\"variables\": {}}", "Authorization", engineer);
		assertThat(again.status()).isEqualTo(404);
	}

	@Test
	void staffStartACaseOnlyWithTheStartFormsFields() throws Exception {
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("repair").count();
		String agent = basic("agent");

		Answer extra = api.call("POST", "/engine-rest/process-definition/key/repair/submit-form", """
				{"variables": {"caseNo": {"value": "R-20261127-0019"}, "priority": {"value": "P1"}}}""",
				"Authorization", agent);
		Answer missing = api.call("POST", "/engine-rest/process-definition/key/repair/submit-form", "{\"variables\": {}}",
				"Authorization", agent);
		Answer started = api.call("POST", "/engine-rest/process-definition/key/repair/start",
				"{\"variables\": {\"channel\": {\"value\": \"phone\"}, \"reporterName\": {\"value\": \"王女士\"}, "
						+ "\"reporterPhone\": {\"value\": \"13800000000\"}, \"building\": {\"value\": \"1\"}, "
						+ "\"category\": {\"value\": \"plumbing\"}, \"description\": {\"value\": \"" + "漏".repeat(3000) + "\"}}}",
				"Authorization", agent);
		Answer atActivity = api.call("POST", "/engine-rest/process-definition/key/repair/start",
				"{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_Acceptance\"}]}",
				"Authorization", agent);

		assertThat(extra.status()).isEqualTo(400);
		assertThat(extra.body().get("message").asText()).contains("caseNo").contains("priority");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(started.status()).isEqualTo(400);
		assertThat(started.body().get("message").asText()).startsWith("情况描述：");
		assertThat(atActivity.status()).isEqualTo(403);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("repair").count()).isEqualTo(before);
	}

	@Test
	void theAssigneeCannotEndTheCaseWithABpmnErrorOrEscalation() throws Exception {
		CaseRecord job = plumbingJob("1-702");
		Task task = acceptTask(job);

		Answer error = api.call("POST", "/engine-rest/task/" + task.getId() + "/bpmnError", "{\"errorCode\": \"x\"}",
				"Authorization", basic("engineer"));
		Answer escalation = api.call("POST", "/engine-rest/task/" + task.getId() + "/bpmnEscalation",
				"{\"escalationCode\": \"x\"}", "Authorization", basic("engineer"));

		assertThat(error.status()).isEqualTo(403);
		assertThat(error.body().get("message").asText()).contains("不能从任务直接抛出");
		assertThat(escalation.status()).isEqualTo(403);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(job.processInstanceId()).count()).isOne();
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void anAuditorsCommentIsRefusedWithTheReason() throws Exception {
		Task task = acceptTask(plumbingJob("1-801"));

		Answer comment = api.call("POST", "/engine-rest/task/" + task.getId() + "/comment/create", "{\"message\": \"已阅\"}",
				"Authorization", basic("auditor"));

		assertThat(comment.status()).isEqualTo(403);
		assertThat(comment.body().get("message").asText()).doesNotContain("Not enough parameters").containsPattern("[\\u4e00-\\u9fa5]");
	}

	@Test
	void staffVerifyOnlyTheirOwnPasswordAndAThrottledClientIsToldToWait() throws Exception {
		String verify = "/engine-rest/identity/verify";

		Answer other = api.call("POST", verify, "{\"username\": \"manager\", \"password\": \"demo\"}", "Authorization",
				basic("agent"));
		Answer own = api.call("POST", verify, "{\"username\": \"agent\", \"password\": \"demo\"}", "Authorization",
				basic("agent"));
		Answer byAdmin = api.call("POST", verify, "{\"username\": \"manager\", \"password\": \"wrong\"}", "Authorization",
				basic("admin"));
		assertThat(other.status()).isEqualTo(403);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body().get("authenticated").asBoolean()).isTrue();
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(byAdmin.body().get("authenticated").asBoolean()).isFalse();

		for (int i = 0; i < LoginThrottle.FREE_PER_USER; i++) {
			api.call("POST", verify, "{\"username\": \"manager\", \"password\": \"wrong\"}", "Authorization", basic("admin"));
		}
		Answer throttled = api.call("POST", verify, "{\"username\": \"manager\", \"password\": \"demo\"}", "Authorization",
				basic("admin"));
		assertThat(throttled.status()).isEqualTo(429);
	}

	@Test
	void forwardedForFromAnUntrustedAddressIsIgnoredByTheThrottle() throws Exception {
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			assertThat(get("/api/registry/buildings", basic("duty", "wrong"), "203.0.113." + i).statusCode()).isEqualTo(401);
		}
		// another forwarded client, same connection: the header is not believed, the connection is throttled
		assertThat(get("/api/registry/buildings", basic("duty"), "198.51.100.7").statusCode()).isEqualTo(429);
	}

	@Test
	void userErrorsOfTheWebappsEngineApiAnswer4xx() throws Exception {
		Webapps session = Webapps.login(port, "manager", processEngine);

		assertThat(session.get("/camunda/api/engine/engine/default/task?firstResult=-5&maxResults=5").statusCode())
				.isEqualTo(400);
		assertThat(session.get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=-1").statusCode())
				.isEqualTo(400);
		var upload = session.post("/camunda/api/engine/engine/default/deployment/create",
				"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n");
		assertThat(upload.statusCode()).as(upload.body()).isBetween(400, 499);
		assertThat(upload.body()).doesNotContain("at org.");
	}

	@Test
	void cockpitListsADefinitionsVersionsWithinTheCapAndOtherListsStillNeedAPage() throws Exception {
		Webapps cockpit = Webapps.login(port, "manager", processEngine);

		var versions = cockpit.get("/camunda/api/engine/engine/default/process-definition?key=repair&sortBy=version"
				+ "&sortOrder=desc&withoutTenantId=true");
		assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(versions.body()).size()).isPositive();
		assertThat(api.call("GET", "/engine-rest/process-definition?key=repair", null, "Authorization", basic("manager"))
				.status()).isEqualTo(200);
		assertThat(cockpit.get("/camunda/api/engine/engine/default/task").statusCode()).as("unpaged: still refused")
				.isEqualTo(400);
		assertThat(cockpit.get("/camunda/api/engine/engine/default/process-definition?maxResults=2001").statusCode())
				.as("a page above the cap: still refused").isEqualTo(400);
	}

	@Test
	void cockpitsDashboardGetsItsStatisticsPerDefinitionWithinTheCap() throws Exception {
		Webapps cockpit = Webapps.login(port, "manager", processEngine);

		var dashboard = cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?rootIncidents=true");
		assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
		assertThat(dashboard.body()).contains("\"key\":\"repair\"");
	}

	/** A repair whose clock ran out has its escalation running beside it: the dashboard counts the case, not that. */
	@Test
	void cockpitsDashboardCountsCasesNotTheInternalProcessesBesideThem() throws Exception {
		Work.letClockRunOut(managementService, slas, plumbingJob("1-1702").caseNo(), SlaNames.REPAIR_RESPONSE);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("sla-clock").count()).isPositive();
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		for (String user : List.of("admin", "manager")) {
			Webapps cockpit = Webapps.login(port, user, processEngine);
			for (String path : List.of("/camunda/api/cockpit/plugin/base/default/process-definition/statistics?rootIncidents=true",
					"/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true")) {
				var answer = cockpit.get(path);
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				Map<String, Integer> running = new java.util.HashMap<>();
				for (var definition : json.readTree(answer.body())) {
					String key = definition.has("definition") ? definition.at("/definition/key").asText() : definition.path("key").asText();
					running.merge(key, definition.path("instances").asInt(), Integer::sum);
				}
				assertThat(running.get("repair")).as(user + " " + path).isPositive();
				assertThat(running.getOrDefault("sla-clock", 0)).as(user + " " + path).isZero();
				assertThat(running.getOrDefault("owner-event", 0)).as(user + " " + path).isZero();
			}
		}
		var engineRest = api.call("GET", "/engine-rest/process-definition/statistics", null, "Authorization", basic("admin"));
		int clocks = 0;
		for (var definition : engineRest.body()) {
			clocks += "sla-clock".equals(definition.at("/definition/key").asText()) ? definition.path("instances").asInt() : 0;
		}
		assertThat(clocks).as("the engine REST API answers unchanged").isPositive();
	}

	/** Departments read the process definitions (Tasklist shows them) but not how many cases of each are running. */
	@Test
	void onlyThoseWhoMayReadRunningCasesGetTheirCounts() throws Exception {
		plumbingJob("1-1601");
		List<String> engineRest = List.of("/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/key/repair/statistics");
		for (String user : List.of("cleaner", "engineer", "guard")) {
			for (String path : engineRest) {
				var refused = api.call("GET", path, null, "Authorization", basic(user));
				assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
				assertThat(refused.body().path("message").asText()).as(user + " " + path).contains("查看实例");
			}
			assertThat(api.call("GET", "/engine-rest/process-definition?key=repair", null, "Authorization", basic(user))
					.status()).as("the definitions themselves stay readable").isEqualTo(200);
			var totals = api.call("GET", "/engine-rest/metrics/root-process-instance-start/sum", null, "Authorization", basic(user));
			assertThat(totals.status()).as(user + " metrics").isEqualTo(403);
			// a parameter in a path segment is matched without it by the API, and was not by the rules
			for (String path : List.of("/engine-rest/process-definition/statistics;a=b",
					"/engine-rest/process-definition;a=b/statistics", "/engine-rest/engine;x/default/process-definition/statistics",
					"/engine-rest/process-definition/statistics%3Bx")) {
				var refused = api.call("GET", path, null, "Authorization", basic(user));
				assertThat(refused.status()).as(user + " " + path).isEqualTo(400);
				assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("path");
			}
			Webapps tasklist = Webapps.login(port, user, processEngine);
			for (String path : List.of("/camunda/api/engine/engine/default/process-definition/statistics",
					"/camunda/api/engine/engine/default/process-definition/key/repair/statistics",
					"/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
					"/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
					"/camunda/api/engine/engine/default/metrics/root-process-instance-start/sum")) {
				var refused = tasklist.get(path);
				assertThat(refused.statusCode()).as(user + " " + path + " " + refused.body()).isEqualTo(403);
			}
			for (String path : List.of("/camunda/api/cockpit/plugin;x/base/default/process-definition/statistics",
					"/camunda/api/engine/engine/default/process-definition/statistics;a=b")) {
				var refused = tasklist.get(path);
				assertThat(refused.statusCode()).as(user + " " + path + " " + refused.body()).isEqualTo(400);
			}
		}
		for (String user : List.of("agent", "duty", "manager", "auditor", "admin")) {
			var counts = api.call("GET", "/engine-rest/process-definition/statistics", null, "Authorization", basic(user));
			assertThat(counts.status()).as(user).isEqualTo(200);
			int repairs = 0;
			for (var definition : counts.body()) {
				repairs += "repair".equals(definition.at("/definition/key").asText()) ? definition.path("instances").asInt() : 0;
			}
			assertThat(repairs).as(user).isPositive();
		}
		assertThat(Webapps.login(port, "duty", processEngine)
				.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode()).isEqualTo(200);
		assertThat(api.call("GET", "/engine-rest/metrics/root-process-instance-start/sum", null, "Authorization",
				basic("manager")).status()).isEqualTo(200);
		// nobody logged in: Camunda's webapp rules compare the path as sent, so `plugin;x` had passed them
		for (String path : List.of("/camunda/api/cockpit/plugin;x/base/default/process-definition/statistics",
				"/camunda/api/cockpit/plugin;x/base/default/incident?maxResults=5")) {
			var anonymous = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).as(path + " " + anonymous.body()).isEqualTo(400);
			assertThat(anonymous.body()).doesNotContain("repair");
		}
	}

	@Test
	void tasklistsSessionReadsACaseReceiptOnlyForTheDeskAndOnlyByGet() throws Exception {
		CaseRecord job = plumbingJob("1-1701");
		String receipt = "/api/cases/" + job.caseNo() + "/receipt";

		var byDesk = Webapps.login(port, "agent", processEngine).get(receipt);
		assertThat(byDesk.statusCode()).as(byDesk.body()).isEqualTo(200);
		assertThat(byDesk.body()).contains(job.trackingToken());
		assertThat(Webapps.login(port, "engineer", processEngine).get(receipt).statusCode()).isEqualTo(403);
		var post = Webapps.login(port, "agent", processEngine).post("/api/cases", "application/json", Reports.repairJson("wx-session"));
		assertThat(post.statusCode()).as("the session opens no case").isEqualTo(401);
		assertThat(get(receipt, basic("guard"), "127.0.0.1").statusCode()).isEqualTo(403);
	}

	@Test
	void readingAnObjectVariableDeserializedIsAUserError() throws Exception {
		CaseRecord job = plumbingJob("1-802");
		String path = "/engine-rest/process-instance/" + job.processInstanceId() + "/variables/evidence";
		assertThat(api.call("PUT", path, """
				{"type": "Object", "value": "\\"/etc/passwd\\"",
				 "valueInfo": {"objectTypeName": "java.io.File", "serializationDataFormat": "application/json"}}""",
				"Authorization", basic("admin")).status()).isEqualTo(204);

		Answer read = api.call("GET", path + "?deserializeValue=true", null, "Authorization", basic("admin"));

		assertThat(read.status()).isBetween(400, 499);
	}

	@Test
	void aDepartmentOpeningCockpitAndAMistypedAddressReadChineseNotSpringsEnglish() throws Exception {
		Webapps engineer = Webapps.login(port, "engineer", processEngine);
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> cockpitPage = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/app/cockpit/default/")).header("Cookie", engineer.cookies()).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> cockpitJson = engineer.get("/camunda/app/cockpit/default/");
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/api/engine/engine/default/task")).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> mistyped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/app/cockpit/nope/")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> noSuchApp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/app/nope/default/")).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<Void> tasklistScript = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/app/tasklist/camunda-tasklist-bootstrap.js")).build(), HttpResponse.BodyHandlers.discarding());

		assertThat(cockpitPage.statusCode()).isEqualTo(403);
		assertThat(cockpitPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(cockpitPage.body()).contains("lang=\"zh-CN\"", "没有权限", "任务列表").doesNotContain("Whitelabel", "Forbidden");
		assertThat(cockpitJson.statusCode()).isEqualTo(403);
		assertThat(cockpitJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(cockpitJson.body()).contains("没有权限", "刷新页面").doesNotContain("\"error\"", "Forbidden", "timestamp");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("未登录", "/camunda/api/engine/engine/default/task").doesNotContain("Unauthorized");
		assertThat(mistyped.statusCode()).as("an engine the webapps do not know: not their server error").isEqualTo(404);
		assertThat(mistyped.body()).contains("未找到").doesNotContain("Exception");
		assertThat(noSuchApp.statusCode()).isEqualTo(404);
		assertThat(tasklistScript.statusCode()).as("the apps' own files are still served").isEqualTo(200);

		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/"
					+ app + "/default/")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).as(app).contains("<html lang=\"zh-CN\">", " · PropDesk</title>")
					.doesNotContain("lang=\"en\"", "<title>Camunda").contains("<script");
		}
	}

	private HttpResponse<String> get(String path, String authorization, String forwardedFor) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", authorization).header("X-Forwarded-For", forwardedFor).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A logged-in webapps session, as Tasklist and Cockpit hold one: cookies and the CSRF token. */
	record Webapps(int port, HttpClient http, String cookies, String token) {

		/**
		 * The webapps find their engine in Camunda's static registry, where another application started and
		 * closed in this JVM may have left its own engine of the same name, or none: this context's engine is
		 * registered first. Closing such an application also clears the webapps' static runtime delegates,
		 * which this context's webapps then lack (a NullPointerException in their authentication filter).
		 */
		static Webapps login(int port, String user, ProcessEngine engine) throws Exception {
			if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
				org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(
						new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
			}
			if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
				org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
			}
			if (org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate() == null) {
				org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(
						new org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate());
			}
			var container = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get();
			var registered = container.getProcessEngineService().getProcessEngine(engine.getName());
			if (registered != engine) {
				if (registered != null) {
					container.unregisterProcessEngine(registered);
				}
				container.registerProcessEngine(engine);
			}
			return login(port, user);
		}

		static Webapps login(int port, String user) throws Exception {
			HttpClient http = HttpClient.newHttpClient();
			var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/"))
					.build(), HttpResponse.BodyHandlers.discarding());
			var cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
			String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().substring(11);
			var login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
					+ "/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", String.join("; ", cookies)).header("X-XSRF-TOKEN", token)
					.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(200);
			var all = new java.util.LinkedHashMap<String, String>();
			for (String c : cookies) {
				all.put(c.substring(0, c.indexOf('=')), c);
			}
			for (String c : login.headers().allValues("Set-Cookie")) {
				String pair = c.split(";")[0];
				all.put(pair.substring(0, pair.indexOf('=')), pair);
			}
			String jar = String.join("; ", all.values());
			String xsrf = all.get("XSRF-TOKEN").substring(11);
			return new Webapps(port, http, jar, xsrf);
		}

		/**
		 * The session as it stands after an answer: the webapps hand out a new CSRF token with the first answer after
		 * the login, and a change sends that one (the old one is refused with 403).
		 */
		Webapps after(HttpResponse<?> answer) {
			String fresh = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
					.map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElse(token);
			return new Webapps(port, http, cookies.replace("XSRF-TOKEN=" + token, "XSRF-TOKEN=" + fresh), fresh);
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookies)
					.header("X-XSRF-TOKEN", token).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String contentType, String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookies)
					.header("X-XSRF-TOKEN", token).header("Content-Type", contentType)
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
