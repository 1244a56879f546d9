package com.propdesk.security;

import org.springframework.jdbc.core.JdbcTemplate;
import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.migration.MigrationPlanImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.OwnerEventJobs;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.Work;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/**
 * PropDesk's internal processes (owner events, SLA breaches) are reached by no one's request, administrators
 * included: no migration, no call from another diagram, no message or signal, no timer — an SLA clock's due job
 * included — moved, fired early, suspended or deleted.
 */
@PropDeskTest
@AtDayShift
class InternalProcessesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseService cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	CaseProcesses caseProcesses;

	@Autowired
	ManagementService managementService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	SlaService slas;

	ApiClient api;

	final String admin = basic("admin");

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@AfterEach
	void tearDown() {
		managementService.createBatchQuery().list().forEach(b -> managementService.deleteBatch(b.getId(), true));
	}

	private CaseRecord plumbingJob(String unit) {
		return cases.open(Reports.repair("1", unit, "plumbing", "水管滴水")).record();
	}

	private ProcessInstance internalOf(String key, CaseRecord job) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(job.caseNo())
				.list().get(0);
	}

	private List<String> activeActivities(ProcessInstance instance) {
		return runtimeService.getActiveActivityIds(instance.getId());
	}

	@Test
	void nobodyMigratesAnInternalInstanceNorACaseIntoAnInternalProcess() throws Exception {
		CaseRecord job = plumbingJob("1-501");
		ProcessInstance event = OwnerEventJobs.legacyInstance(runtimeService, jdbc, job.caseNo());
		String ownerEvent = event.getProcessDefinitionId();
		List<String> before = activeActivities(event);
		String moveToCallback = """
				{"migrationPlan": {"sourceProcessDefinitionId": "%1$s", "targetProcessDefinitionId": "%1$s",
				  "instructions": [{"sourceActivityIds": ["Task_SendCallback"], "targetActivityIds": ["Task_SendCallback"]}]},
				 "processInstanceIds": ["%2$s"], "skipCustomListeners": true}""".formatted(ownerEvent, event.getId());
		String caseIntoOwnerEvent = """
				{"migrationPlan": {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s", "instructions": []},
				 "processInstanceIds": ["%s"]}""".formatted(runtimeService.createProcessInstanceQuery()
				.processInstanceId(job.processInstanceId()).singleResult().getProcessDefinitionId(), ownerEvent,
				job.processInstanceId());

		Answer executed = api.call("POST", "/engine-rest/migration/execute", moveToCallback, "Authorization", admin);
		Answer executedLater = api.call("POST", "/engine-rest/migration/executeAsync", moveToCallback, "Authorization", admin);
		Answer intoInternal = api.call("POST", "/engine-rest/migration/execute", caseIntoOwnerEvent, "Authorization", admin);
		var webapps = EngineHardeningTests.Webapps.login(port, "admin", processEngine);
		var throughCockpit = webapps.post("/camunda/api/engine/engine/default/migration/execute", "application/json",
				moveToCallback);

		for (Answer answer : List.of(executed, executedLater, intoInternal)) {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.body().get("message").asText()).contains("PropDesk 内部");
		}
		assertThat(throughCockpit.statusCode()).as(throughCockpit.body()).isEqualTo(403);
		assertThat(activeActivities(event)).isEqualTo(before);
		assertThat(managementService.createBatchQuery().count()).isZero();

		// a plan built without the plan command (Java API) is still refused instance by instance
		MigrationPlanImpl plan = new MigrationPlanImpl(ownerEvent, ownerEvent);
		assertThatThrownBy(() -> runtimeService.newMigration(plan).processInstanceIds(event.getId()).execute())
				.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void aCallActivityNeverStartsAnInternalProcessEvenPastTheDeploymentGuard() {
		String caller = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://propdesk.com/test">
				  <bpmn:process id="caller" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
				    <bpmn:callActivity id="call" calledElement="owner-event">
				      <bpmn:extensionElements><camunda:in variables="all"/></bpmn:extensionElements>
				    </bpmn:callActivity>
				    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		assertThatThrownBy(() -> repositoryService.createDeployment().addString("caller.bpmn", caller).deploy())
				.hasMessageContaining("calledElement=\"owner-event\"");
		assertThatThrownBy(() -> repositoryService.createDeployment()
				.addString("caller.bpmn", caller.replace("\"owner-event\"", "\"${target}\"")).deploy())
				.hasMessageContaining("不能用表达式");

		// the engine's own line, should such a diagram ever be deployed
		var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		DeploymentCache cache = configuration.getDeploymentCache();
		List<Deployer> deployers = configuration.getDeployers();
		cache.setDeployers(deployers.stream().filter(d -> !(d instanceof DeploymentGuard)).toList());
		String deployment;
		try {
			deployment = repositoryService.createDeployment().addString("caller.bpmn", caller).deploy().getId();
		}
		finally {
			cache.setDeployers(deployers);
		}
		try {
			long events = runtimeService.createProcessInstanceQuery().processDefinitionKey("owner-event").count();
			assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("caller", "R-20261127-0001"))
					.isInstanceOf(AuthorizationException.class).hasMessageContaining("调用活动");
			assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("owner-event").count())
					.isEqualTo(events);
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

	@Test
	void noMessageOrSignalFromAPersonReachesAnInternalInstanceAdminIncluded() throws Exception {
		// any process that is no case type is internal: one that waits for a message, as work rounds and repeat-fault
		// flags do
		String waitingDiagram = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://propdesk.com/test">
				  <bpmn:message id="m" name="WakeUp"/>
				  <bpmn:process id="internal-wait" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
				    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
				    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String deployment = repositoryService.createDeployment().addString("internal-wait.bpmn", waitingDiagram).deploy()
				.getId();
		try {
			ProcessInstance internal = runtimeService.startProcessInstanceByKey("internal-wait", "R-20261127-9001");
			String waiting = runtimeService.createExecutionQuery().processInstanceId(internal.getId())
					.messageEventSubscriptionName("WakeUp").singleResult().getId();

			Answer byInstance = api.call("POST", "/engine-rest/message",
					"{\"messageName\": \"WakeUp\", \"processInstanceId\": \"" + internal.getId() + "\"}", "Authorization",
					admin);
			Answer all = api.call("POST", "/engine-rest/message",
					"{\"messageName\": \"WakeUp\", \"businessKey\": \"R-20261127-9001\", \"all\": true}", "Authorization",
					admin);
			Answer triggered = api.call("POST", "/engine-rest/execution/" + waiting + "/messageSubscriptions/WakeUp/trigger",
					"{}", "Authorization", admin);
			Answer signalled = api.call("POST", "/engine-rest/execution/" + waiting + "/signal", "{}", "Authorization", admin);

			for (Answer answer : List.of(byInstance, all, triggered, signalled)) {
				assertThat(answer.status()).isEqualTo(403);
				assertThat(answer.body().get("message").asText()).contains("PropDesk 内部");
			}
			assertThat(activeActivities(internal)).containsExactly("wait");
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

	private Job dueJob(CaseRecord job, String sla) {
		return Work.dueJob(managementService, slas, job.caseNo(), sla);
	}

	@Test
	void aClocksDueJobIsNeitherMovedFiredSuspendedSilencedNorDeletedByAPerson() throws Exception {
		CaseRecord job = plumbingJob("1-601");
		Job timer = dueJob(job, SlaNames.REPAIR_RESPONSE);
		Date due = timer.getDuedate();
		String path = "/engine-rest/job/" + timer.getId();
		String manager = basic("manager");

		Answer moved = api.call("PUT", path + "/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0800\"}",
				"Authorization", admin);
		Answer recalculated = api.call("POST", path + "/duedate/recalculate", null, "Authorization", admin);
		Answer fired = api.call("POST", path + "/execute", null, "Authorization", admin);
		Answer firedByManager = api.call("POST", path + "/execute", null, "Authorization", manager);
		Answer firedByCleaner = api.call("POST", path + "/execute", null, "Authorization", basic("cleaner"));
		Answer suspended = api.call("PUT", path + "/suspended", "{\"suspended\": true}", "Authorization", admin);
		Answer deleted = api.call("DELETE", path, null, "Authorization", admin);
		Answer byDepartment = api.call("DELETE", path, null, "Authorization", basic("engineer"));
		Answer silenced = api.call("PUT", path + "/retries", "{\"retries\": 0}", "Authorization", manager);
		// a retry is no way to move it: the REST API would set the due date past every check
		Answer movedByRetry = api.call("PUT", path + "/retries", "{\"retries\": 3, \"dueDate\": \"2020-01-01T00:00:00.000+0800\"}",
				"Authorization", manager);
		Answer firedByRetry = api.call("PUT", path + "/retries", "{\"retries\": 3, \"dueDate\": null}", "Authorization",
				admin);
		Answer batchMoved = api.call("POST", "/engine-rest/job/retries", "{\"jobIds\": [\"" + timer.getId()
				+ "\"], \"retries\": 3, \"dueDate\": \"2020-01-02T00:00:00.000+0800\"}", "Authorization", admin);
		Answer batchSilenced = api.call("POST", "/engine-rest/job/retries",
				"{\"jobQuery\": {\"processDefinitionKey\": \"sla-clock\"}, \"retries\": 0}", "Authorization", admin);
		// the timers of the case's own process, by an instance query or by their definition
		Answer instancesMoved = api.call("POST", "/engine-rest/process-instance/job-retries", "{\"processInstanceQuery\": "
				+ "{\"processDefinitionKey\": \"repair\"}, \"retries\": 3, \"dueDate\": \"2020-01-02T00:00:00.000+0800\"}",
				"Authorization", admin);
		Answer instancesSilenced = api.call("POST", "/engine-rest/process-instance/job-retries",
				"{\"processInstanceQuery\": {\"processDefinitionKey\": \"repair\"}, \"retries\": 0}", "Authorization", admin);
		String jobDefinition = managementService.createJobDefinitionQuery().processDefinitionKey("repair").list().get(0).getId();
		Answer definitionSilenced = api.call("PUT", "/engine-rest/job-definition/" + jobDefinition + "/retries",
				"{\"retries\": 0}", "Authorization", admin);
		Answer negative = api.call("PUT", path + "/retries", "{\"retries\": -1}", "Authorization", admin);
		Answer misspelt = api.call("PUT", path + "/retries", "{\"Retries\": 0}", "Authorization", admin);

		Map.of("moved", moved, "fired", fired, "fired by a manager", firedByManager, "fired by a cleaner", firedByCleaner,
				"suspended", suspended, "deleted", deleted, "deleted by a department", byDepartment, "silenced", silenced)
				.forEach((what, answer) -> assertThat(answer.status()).as(what).isEqualTo(403));
		Map.of("recalculated (the engine recalculates timer events only)", recalculated, "moved by a retry", movedByRetry,
				"fired by a retry", firedByRetry, "moved by a batch", batchMoved, "silenced by a batch", batchSilenced,
				"moved by an instance query", instancesMoved, "silenced by an instance query", instancesSilenced,
				"silenced by their definition", definitionSilenced, "retries -1", negative, "no retries", misspelt)
				.forEach((what, answer) -> assertThat(answer.status()).as(what).isEqualTo(400));
		assertThat(moved.body().get("message").asText()).contains("定时器");
		assertThat(movedByRetry.body().get("message").asText()).contains("不能改动到期时间");
		Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
		assertThat(after.getDuedate()).isEqualTo(due);
		assertThat(after.isSuspended()).isFalse();
		assertThat(after.getRetries()).as("a refused run is no failure of the job").isEqualTo(3);
		assertThat(after.getExceptionMessage()).isNull();
		assertThat(managementService.createBatchQuery().count()).isZero();
		assertThat(slas.clock(job.caseNo(), SlaNames.REPAIR_RESPONSE).orElseThrow().breached()).isFalse();
	}

	@Test
	void aFailedDueJobIsListedWithItsCaseAndRetriedByManagement() throws Exception {
		CaseRecord job = plumbingJob("1-701");
		Job timer = dueJob(job, SlaNames.REPAIR_RESPONSE);
		// as after three runs that met a database error
		((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
				.execute(context -> {
					JobEntity failed = context.getJobManager().findJobById(timer.getId());
					failed.setExceptionMessage("Connection is not available");
					failed.setRetries(0);
					return null;
				});
		String manager = basic("manager");

		Answer listed = api.call("GET", "/api/manage/incidents", null, "Authorization", manager);
		assertThat(listed.status()).isEqualTo(200);
		JsonNode incident = null;
		for (JsonNode open : listed.body()) {
			if (job.caseNo().equals(open.path("caseNo").asText())) {
				incident = open;
			}
		}
		assertThat(incident).as("the failed due job, with its case").isNotNull();
		assertThat(incident.path("process").asText()).isEqualTo("sla-clock");
		assertThat(incident.path("activityName").asText()).isEqualTo("时限到期：维修响应");
		Answer retried = api.call("POST", "/api/manage/incidents/" + incident.path("id").asText() + "/retry", "{}",
				"Authorization", manager);

		assertThat(retried.status()).isEqualTo(200);
		assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isOne();
		assertThat(api.call("PUT", "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\": 2}", "Authorization",
				admin).status()).as("a failed one may be retried over REST too").isEqualTo(204);
	}

	@Test
	void nobodyDeletesAnInternalProcessOrItsDeploymentAdminIncluded() throws Exception {
		var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("sla-clock").latestVersion()
				.singleResult();

		Answer deployment = api.call("DELETE", "/engine-rest/deployment/" + definition.getDeploymentId() + "?cascade=true",
				null, "Authorization", admin);
		Answer byKey = api.call("DELETE", "/engine-rest/process-definition/key/sla-clock?cascade=true", null,
				"Authorization", admin);
		Answer byId = api.call("DELETE", "/engine-rest/process-definition/" + definition.getId() + "?cascade=true", null,
				"Authorization", admin);

		// nor what intake evaluates: the decision table in use, or every version of a case type
		var policy = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("sla-policy").latestVersion()
				.singleResult();
		Answer policyDeployment = api.call("DELETE", "/engine-rest/deployment/" + policy.getDeploymentId(), null,
				"Authorization", admin);
		Answer repairs = api.call("DELETE", "/engine-rest/process-definition/key/repair?cascade=true", null,
				"Authorization", admin);

		Map.of("deployment", deployment, "by key", byKey, "by id", byId, "sla-policy in use", policyDeployment,
				"every repair version", repairs).forEach((what, answer) -> assertThat(answer.status()).as(what).isEqualTo(403));
		assertThat(policyDeployment.body().get("message").asText()).contains("正在使用");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionId(definition.getId()).count()).isOne();
		assertThat(cases.open(Reports.repair("1", "1-702", "plumbing", "水管滴水")).created()).as("intake goes on").isTrue();
	}

	@Test
	void aPersonChangesNothingOfABreachsInstanceNeitherItsDueVariableNorItsStateAdminIncluded() throws Exception {
		CaseRecord job = plumbingJob("1-602");
		Work.letClockRunOut(managementService, slas, job.caseNo(), SlaNames.REPAIR_RESPONSE);
		ProcessInstance breach = internalOf("sla-clock", job);
		assertThat(activeActivities(breach)).containsExactly("Task_Escalate");
		String instance = "/engine-rest/process-instance/" + breach.getId();

		Answer variable = api.call("PUT", instance + "/variables/dueAt", "{\"value\": \"2020-01-01T00:00:00\", \"type\": \"String\"}",
				"Authorization", admin);
		Answer suspended = api.call("PUT", instance + "/suspended", "{\"suspended\": true}", "Authorization", admin);
		Answer deleted = api.call("DELETE", instance + "?skipCustomListeners=true", null, "Authorization", admin);

		// nor through its task: the escalation task's variables that are not its own are the instance's
		String task = "/engine-rest/task/" + taskService.createTaskQuery().processInstanceId(breach.getId()).singleResult().getId();
		Map<String, Object> variables = runtimeService.getVariables(breach.getId());
		Answer viaTask = api.call("POST", task + "/variables", "{\"modifications\": {\"caseNo\": {\"value\": \"R-19990101-0001\"}, "
				+ "\"escalateTo\": {\"value\": \"service-desk\"}}}", "Authorization", admin);
		Answer oneViaTask = api.call("PUT", task + "/variables/slaLabel", "{\"value\": \"已撤销\"}", "Authorization", admin);
		Answer removedViaTask = api.call("DELETE", task + "/variables/dueAt", null, "Authorization", admin);
		Answer localViaTask = api.call("PUT", task + "/localVariables/note", "{\"value\": \"x\"}", "Authorization", admin);

		Map.of("instance variable", variable, "suspended", suspended, "deleted", deleted, "task variables", viaTask,
				"one task variable", oneViaTask, "task variable removed", removedViaTask, "task-local variable", localViaTask)
				.forEach((what, answer) -> assertThat(answer.status()).as(what).isEqualTo(403));
		assertThat(viaTask.body().get("message").asText()).isEqualTo(InternalProcesses.REFUSAL);
		assertThat(runtimeService.getVariables(breach.getId())).isEqualTo(variables);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(breach.getId()).active().count()).isOne();
		assertThat(activeActivities(breach)).containsExactly("Task_Escalate");
	}

	@Test
	void aManagerCannotDeployPropDesksOwnInternalProcesses() throws Exception {
		long versions = repositoryService.createProcessDefinitionQuery().processDefinitionKey("sla-clock").count();
		String diagram = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://propdesk.com/test">
				  <bpmn:process id="sla-clock" name="时限" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Started" name="开始"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String boundary = "propdesk";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsla-clock\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sla-clock.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
				+ diagram + "\r\n--" + boundary + "--\r\n";
		var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization", basic("manager")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("内部流程");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sla-clock").count()).isEqualTo(versions);
	}

	/** The shipped internal processes are exactly the repository's diagrams that are not case types. */
	@Test
	void theShippedInternalProcessesAreTheRepositorysDiagramsThatAreNotCaseTypes() throws Exception {
		java.util.Set<String> diagrams;
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
			diagrams = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
					.map(n -> n.substring(0, n.length() - ".bpmn".length())).collect(java.util.stream.Collectors.toSet());
		}
		diagrams.removeAll(caseProcesses.keys());
		assertThat(InternalProcesses.SHIPPED).isEqualTo(diagrams);
	}

	/** An operator may open a process of their own to people (the benchmark's baseline), never a shipped internal one. */
	@Test
	void openProcessesAreNoLongerInternalButNoShippedInternalProcessCanBeOpened() {
		InternalProcesses open = new InternalProcesses(caseProcesses, java.util.Set.of("bench-bare"));
		assertThat(open.isInternal("bench-bare")).isFalse();
		assertThat(open.isInternal("another")).isTrue();
		assertThat(open.isInternal("repair")).isFalse();
		assertThatThrownBy(() -> new InternalProcesses(caseProcesses, java.util.Set.of("bench-bare", "sla-clock")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("sla-clock");
	}

}
