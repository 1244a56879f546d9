package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.ApiClient;
import com.propdesk.Jobs;
import com.propdesk.LocalReceiver;
import com.propdesk.OwnerEventJobs;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.audit.AuditTrail;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.notify.OwnerEvents;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/**
 * The managers' API over real HTTP on the shared engine: a changed decision table put live applies to cases opened
 * after it, an unchanged upload deploys nothing (from here and from Modeler), a rollback, an incident retried, and
 * nobody but management changes anything. Every deployment a test makes is deleted after it, so the repository's
 * files are the latest again for the next test class.
 */
@PropDeskTest
class ManageApiTests {

	static final String SLA_POLICY = "processes/sla-policy.dmn";

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	CaseService cases;

	@Autowired
	SlaService slas;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Export export;

	@TempDir
	Path temp;

	ApiClient api;

	Set<String> deploymentsBefore;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		deploymentsBefore = deploymentIds();
		TestClock.set(TestClock.DAY);
	}

	@AfterEach
	void deleteWhatTheTestDeployed() {
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		for (String id : deploymentIds()) {
			if (!deploymentsBefore.contains(id)) {
				repositoryService.deleteDeployment(id, true);
				jdbc.update("delete from deployment_note where deployment_id = ?", id);
			}
		}
		TestClock.reset();
	}

	private Set<String> deploymentIds() {
		Set<String> ids = new HashSet<>();
		repositoryService.createDeploymentQuery().list().forEach(d -> ids.add(d.getId()));
		return ids;
	}

	private static String slaPolicy() throws Exception {
		return Files.readString(Path.of(SLA_POLICY));
	}

	/** The repository's sla-policy with the P1 repair response target at 10 minutes instead of 15. */
	private static String fasterP1Response() throws Exception {
		String original = slaPolicy();
		String faster = original.replace("<outputEntry id=\"Rule_02_Target\"><text>\"PT15M\"</text>",
				"<outputEntry id=\"Rule_02_Target\"><text>\"PT10M\"</text>");
		assertThat(faster).isNotEqualTo(original);
		return faster;
	}

	private static String fileBody(String fileName, String content, String note) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("fileName", fileName);
		body.put("content", content);
		if (note != null) {
			body.put("note", note);
		}
		return JSON.writeValueAsString(body);
	}

	private ApiClient.Answer as(String user, String method, String path, String body) throws Exception {
		return api.call(method, path, body, "Authorization", basic(user));
	}

	private int latestDecisionVersion(String key) {
		return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
				.getVersion();
	}

	private JsonNode listing(String kind, String key) throws Exception {
		var answer = as("manager", "GET", "/api/manage/definitions", null);
		assertThat(answer.status()).isEqualTo(200);
		for (JsonNode definition : answer.body()) {
			if (definition.path("kind").asText().equals(kind) && definition.path("key").asText().equals(key)) {
				return definition;
			}
		}
		throw new AssertionError("no " + kind + " " + key + " in " + answer.body());
	}

	private String p1Repair() {
		return cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
	}

	private OffsetDateTime responseDue(String caseNo) {
		return slas.clock(caseNo, SlaNames.REPAIR_RESPONSE).orElseThrow().dueAt();
	}

	@Test
	void managerDeploysAChangedSlaPolicyAndOnlyRepairsOpenedAfterItGetTheNewTarget() throws Exception {
		String running = p1Repair();
		assertThat(responseDue(running)).isEqualTo(TestClock.DAY.plusMinutes(15));
		int before = latestDecisionVersion("sla-policy");
		long deployments = repositoryService.createDeploymentQuery().count();

		var preview = as("manager", "POST", "/api/manage/deployments/preview", fileBody("sla-policy.dmn", fasterP1Response(), null));
		assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
		assertThat(preview.body().path("allowed").asBoolean()).isTrue();
		assertThat(preview.body().path("unchanged").asBoolean()).isFalse();
		JsonNode change = preview.body().path("changes").get(0);
		assertThat(change.path("kind").asText()).isEqualTo("decision");
		assertThat(change.path("key").asText()).isEqualTo("sla-policy");
		assertThat(change.path("currentVersion").asInt()).isEqualTo(before);
		assertThat(change.path("newVersion").asInt()).isEqualTo(before + 1);
		assertThat(repositoryService.createDeploymentQuery().count()).as("a preview changes nothing").isEqualTo(deployments);

		var withoutNote = as("manager", "POST", "/api/manage/deployments", fileBody("sla-policy.dmn", fasterP1Response(), " "));
		assertThat(withoutNote.status()).isEqualTo(400);
		assertThat(withoutNote.contentType()).startsWith("application/problem+json");
		assertThat(withoutNote.body().path("errors").get(0).path("field").asText()).isEqualTo("note");

		var deployed = as("manager", "POST", "/api/manage/deployments",
				fileBody("sla-policy.dmn", fasterP1Response(), "P1 维修响应缩短为 10 分钟"));
		assertThat(deployed.status()).as(String.valueOf(deployed.body())).isEqualTo(201);
		assertThat(deployed.body().path("deployed").asBoolean()).isTrue();
		assertThat(deployed.body().path("versions").get(0).path("version").asInt()).isEqualTo(before + 1);
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(before + 1);

		TestClock.advance(java.time.Duration.ofMinutes(1));
		String next = p1Repair();
		assertThat(responseDue(next)).as("opened after the change").isEqualTo(TestClock.DAY.plusMinutes(1 + 10));
		assertThat(responseDue(running)).as("running before the change: keeps its target").isEqualTo(TestClock.DAY.plusMinutes(15));

		JsonNode versions = listing("decision", "sla-policy").path("versions");
		assertThat(versions.get(0).path("version").asInt()).isEqualTo(before + 1);
		assertThat(versions.get(0).path("source").asText()).isEqualTo("manage");
		assertThat(versions.get(0).path("deployedBy").asText()).isEqualTo("manager");
		assertThat(versions.get(0).path("note").asText()).isEqualTo("P1 维修响应缩短为 10 分钟");
		assertThat(versions.get(0).path("latest").asBoolean()).isTrue();
		assertThat(versions.get(1).path("latest").asBoolean()).isFalse();
		assertThat(trail.entries()).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo("manage");
			assertThat(entry.actor()).isEqualTo("manager");
			assertThat(entry.detail()).contains("决策表 sla-policy 第 " + (before + 1) + " 版", "P1 维修响应缩短为 10 分钟");
		});

		var again = as("manager", "POST", "/api/manage/deployments", fileBody("sla-policy.dmn", fasterP1Response(), "再部署一次"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("deployed").asBoolean()).isFalse();
		assertThat(again.body().path("changes").get(0).path("unchanged").asBoolean()).isTrue();
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(before + 1);

		// the export follows what the manager deployed
		int exportsBefore = jdbc.queryForObject("select count(*) from audit_trail where kind = 'manage' and actor = 'manager' "
				+ "and detail like '导出%'", Integer.class);
		Map<String, String> zip = exportZip("manager");
		assertThat(zip.get("processes/sla-policy.dmn")).isEqualTo(fasterP1Response());
		assertThat(jdbc.queryForObject("select count(*) from audit_trail where kind = 'manage' and actor = 'manager' "
				+ "and detail like '导出%'", Integer.class)).as("the export in the audit trail").isEqualTo(exportsBefore + 1);
		assertThat(zip.get("processes/repair.bpmn")).isEqualTo(Files.readString(Path.of("processes/repair.bpmn")));
		assertThat(zip.get("forms/repair-work.form")).isEqualTo(Files.readString(Path.of("forms/repair-work.form")));
		export.writeTo(temp);
		assertThat(Files.readString(temp.resolve("processes/sla-policy.dmn"))).isEqualTo(fasterP1Response());
		assertThat(temp.resolve("forms/repair-report.form")).exists();
	}

	private Map<String, String> exportZip(String user) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/manage/export")).header("Authorization", basic(user))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/** A deployment as Camunda Modeler makes it: deployment name, source, changed files only. */
	private HttpResponse<String> modelerUpload(String user, String name, String fileName, String content) throws Exception {
		String boundary = "----modeler";
		StringBuilder body = new StringBuilder();
		for (var field : List.of(Map.entry("deployment-name", name), Map.entry("deployment-source", "Camunda Modeler"),
				Map.entry("deploy-changed-only", "true"))) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
					.append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
		}
		body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileName)
				.append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.append(content).append("\r\n--").append(boundary).append("--\r\n");
		return HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void unchangedUploadDeploysNothingFromThisApiOrFromModeler() throws Exception {
		// the engine compares an upload with the last deployment of its name by deployment time: the real clock here
		TestClock.reset();
		long deployments = repositoryService.createDeploymentQuery().count();
		int version = latestDecisionVersion("sla-policy");

		var preview = as("manager", "POST", "/api/manage/deployments/preview", fileBody("sla-policy.dmn", slaPolicy(), null));
		assertThat(preview.body().path("unchanged").asBoolean()).isTrue();
		var api = as("manager", "POST", "/api/manage/deployments", fileBody("sla-policy.dmn", slaPolicy(), "没有改动"));
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body().path("deployed").asBoolean()).isFalse();

		var modeler = modelerUpload("manager", "sla-policy", "sla-policy.dmn", slaPolicy());
		assertThat(modeler.statusCode()).as(modeler.body()).isEqualTo(200);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(version);
		JsonNode repository = listing("decision", "sla-policy").path("versions").get(0);
		assertThat(repository.path("source").asText()).isEqualTo("repository");
		assertThat(repository.path("deployedBy").isNull()).as("the upload that deployed nothing deployed nothing").isTrue();

		// a changed upload from Modeler deploys, and the page names who uploaded it
		var changed = modelerUpload("manager", "sla-policy", "sla-policy.dmn", fasterP1Response());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(version + 1);
		JsonNode latest = listing("decision", "sla-policy").path("versions").get(0);
		assertThat(latest.path("source").asText()).isEqualTo("modeler");
		assertThat(latest.path("deployedBy").asText()).isEqualTo("manager");
		var unchangedAgain = modelerUpload("manager", "sla-policy", "sla-policy.dmn", fasterP1Response());
		assertThat(JSON.readTree(unchangedAgain.body()).path("id").asText()).isEqualTo(latest.path("deploymentId").asText());
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(version + 1);
	}

	/** A double click, or one request through each of two nodes: the same changed file sent four times at once. */
	@Test
	void theSameChangedFileSentFourTimesAtOnceMakesOneVersion() throws Exception {
		int version = latestDecisionVersion("sla-policy");
		String changed = fasterP1Response();
		var senders = java.util.concurrent.Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(senders.submit(() -> as("manager", "POST", "/api/manage/deployments",
					fileBody("sla-policy.dmn", changed, "P1 响应缩短")).status()));
		}
		List<Integer> statuses = new java.util.ArrayList<>();
		for (var answer : answers) {
			statuses.add(answer.get());
		}
		senders.shutdown();
		assertThat(statuses).as("one deploys, the others find it deployed").containsExactlyInAnyOrder(201, 200, 200, 200);
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(version + 1);
	}

	@Test
	void rollbackDeploysTheOldContentAgainAsTheNewestVersion() throws Exception {
		int original = latestDecisionVersion("sla-policy");
		as("manager", "POST", "/api/manage/deployments", fileBody("sla-policy.dmn", fasterP1Response(), "P1 10 分钟"));
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(original + 1);

		var files = as("auditor", "GET", "/api/manage/definitions/decision/sla-policy/versions/" + original + "/files", null);
		assertThat(files.status()).isEqualTo(200);
		assertThat(files.body().get(0).path("fileName").asText()).isEqualTo("sla-policy.dmn");
		assertThat(files.body().get(0).path("content").asText()).isEqualTo(slaPolicy());

		var withoutNote = as("manager", "POST", "/api/manage/definitions/decision/sla-policy/versions/" + original + "/rollback",
				"{\"note\": \"\"}");
		assertThat(withoutNote.status()).isEqualTo(400);
		var rollback = as("manager", "POST", "/api/manage/definitions/decision/sla-policy/versions/" + original + "/rollback",
				"{\"note\": \"10 分钟人手不够，恢复 15 分钟\"}");
		assertThat(rollback.status()).as(String.valueOf(rollback.body())).isEqualTo(201);
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(original + 2);
		var latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("sla-policy").latestVersion()
				.singleResult();
		assertThat(new String(repositoryService.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())
				.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(slaPolicy());
		JsonNode newest = listing("decision", "sla-policy").path("versions").get(0);
		assertThat(newest.path("source").asText()).isEqualTo("rollback");
		assertThat(newest.path("rolledBackTo").asText()).contains("sla-policy", "第 " + original + " 版");
		assertThat(newest.path("note").asText()).isEqualTo("10 分钟人手不够，恢复 15 分钟");

		var again = as("manager", "POST", "/api/manage/definitions/decision/sla-policy/versions/" + original + "/rollback",
				"{\"note\": \"再来一次\"}");
		assertThat(again.status()).as("already the latest content").isEqualTo(409);
		assertThat(as("manager", "POST", "/api/manage/definitions/decision/sla-policy/versions/999/rollback",
				"{\"note\": \"x\"}").status()).isEqualTo(404);
	}

	@Test
	void failedDeliveryIsAnIncidentInChineseThatTheManagerRetries() throws Exception {
		try (LocalReceiver receiver = new LocalReceiver()) {
			receiver.failing(100);
			String caseNo = cases.open(new CaseRequest("repair", "app", "app-" + UUID.randomUUID(),
					new CaseRequest.Reporter("赵先生", "13911112222"), "1", "1-801", "plumbing", "卫生间漏水",
					receiver.url("/hooks/case"))).record().caseNo();
			// every back-off, then the last attempt's own retries
			while (OwnerEventJobs.callback(managementService, jdbc, caseNo).getRetries() > 0) {
				Jobs.runWhenDue(managementService, OwnerEventJobs.callback(managementService, jdbc, caseNo));
			}

			var listed = as("manager", "GET", "/api/manage/incidents", null);
			assertThat(listed.status()).isEqualTo(200);
			JsonNode incident = null;
			for (JsonNode open : listed.body()) {
				if (caseNo.equals(open.path("caseNo").asText())) {
					incident = open;
				}
			}
			assertThat(incident).as(String.valueOf(listed.body())).isNotNull();
			assertThat(incident.path("process").asText()).isEqualTo("owner-event");
			assertThat(incident.path("activityName").asText()).isEqualTo("回调渠道系统");
			assertThat(incident.path("typeLabel").asText()).isEqualTo("作业失败");
			assertThat(incident.path("error").asText()).contains("回调", "HTTP 503");
			assertThat(incident.path("originalError").asText()).contains("answered 503");
			assertThat(incident.path("retriesLeft").asInt()).isZero();
			assertThat(incident.path("action").asText()).isEqualTo("retry");
			String id = incident.path("id").asText();
			assertThat(as("auditor", "GET", "/api/manage/incidents", null).status()).isEqualTo(200);
			assertThat(as("agent", "GET", "/api/manage/incidents", null).status()).isEqualTo(403);

			for (String user : List.of("agent", "auditor", "duty")) {
				var refused = as(user, "POST", "/api/manage/incidents/" + id + "/retry", null);
				assertThat(refused.status()).as(user).isEqualTo(403);
				assertThat(refused.contentType()).startsWith("application/problem+json");
			}
			Job delivery = OwnerEventJobs.callback(managementService, jdbc, caseNo);
			assertThat(delivery.getRetries()).isZero();
			var resolve = as("manager", "POST", "/api/manage/incidents/" + id + "/resolve", "{\"note\": \"已处理\"}");
			assertThat(resolve.status()).as("a failed job is retried, not marked resolved").isEqualTo(409);

			receiver.failing(0);
			var retried = as("manager", "POST", "/api/manage/incidents/" + id + "/retry", null);
			assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(200);
			assertThat(managementService.createJobQuery().jobId(delivery.getId()).singleResult().getRetries()).isOne();
			assertThat(historyService.createUserOperationLogQuery().jobId(delivery.getId())
					.operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES).singleResult().getUserId())
					.isEqualTo("manager");
			assertThat(Jobs.runWhenDue(managementService, delivery)).isTrue();
			assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo)).as("delivered").isEmpty();
			assertThat(runtimeService.createIncidentQuery().incidentId(id).count()).isZero();
			assertThat(trail.entries()).anySatisfy(entry -> {
				assertThat(entry.caseNo()).isEqualTo(caseNo);
				assertThat(entry.kind()).isEqualTo("manage");
				assertThat(entry.actor()).isEqualTo("manager");
				assertThat(entry.detail()).contains("重试失败的作业");
			});
		}
	}

	@Test
	void onlyManagementChangesAndTheAuditorReads() throws Exception {
		String version = String.valueOf(latestDecisionVersion("sla-policy"));
		String deploy = fileBody("sla-policy.dmn", fasterP1Response(), "不该生效");
		Map<String, String> changes = Map.of("/api/manage/deployments/preview", deploy, "/api/manage/deployments", deploy,
				"/api/manage/definitions/decision/sla-policy/versions/" + version + "/rollback", "{\"note\": \"x\"}",
				"/api/manage/incidents/none/resolve", "{\"note\": \"x\"}", "/api/manage/export", "{}");
		long deployments = repositoryService.createDeploymentQuery().count();
		for (String user : List.of("agent", "auditor", "engineer", "duty")) {
			for (var change : changes.entrySet()) {
				var refused = as(user, "POST", change.getKey(), change.getValue());
				assertThat(refused.status()).as(user + " " + change.getKey()).isEqualTo(403);
				assertThat(refused.contentType()).startsWith("application/problem+json");
				assertThat(refused.body().path("detail").asText()).contains("管理层");
			}
		}
		assertThat(api.call("POST", "/api/manage/deployments", deploy).status()).isEqualTo(401);
		assertThat(api.call("GET", "/api/manage/definitions", null).status()).isEqualTo(401);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

		assertThat(as("agent", "GET", "/api/manage/definitions", null).status()).isEqualTo(403);
		var read = as("auditor", "GET", "/api/manage/definitions", null);
		assertThat(read.status()).isEqualTo(200);
		Map<String, JsonNode> byKey = new HashMap<>();
		read.body().forEach(d -> byKey.put(d.path("kind").asText() + ":" + d.path("key").asText(), d));
		assertThat(byKey).containsKeys("process:repair", "process:sla-clock", "decision:sla-policy", "form:repair-work");
		JsonNode repair = byKey.get("process:repair").path("versions").get(0);
		assertThat(repair.path("latest").asBoolean()).isTrue();
		assertThat(repair.path("runningCases").isNumber()).isTrue();
		assertThat(repair.path("deployedAt").asText()).endsWith("+08:00");
		JsonNode form = byKey.get("form:repair-work").path("versions").get(0);
		assertThat(form.path("source").asText()).isEqualTo("repository");
		assertThat(form.path("sourceLabel").asText()).contains("程序仓库");
	}

	@Test
	void runningCasesAreCountedPerVersion() throws Exception {
		String caseNo = p1Repair();
		var processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
				.processDefinitionKey("repair").singleResult();
		JsonNode versions = listing("process", "repair").path("versions");
		JsonNode running = null;
		for (JsonNode version : versions) {
			if (version.path("definitionId").asText().equals(processInstance.getProcessDefinitionId())) {
				running = version;
			}
		}
		assertThat(running).isNotNull();
		assertThat(running.path("runningCases").asLong()).isGreaterThanOrEqualTo(1);
		Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(running.path("deploymentId").asText())
				.singleResult();
		assertThat(deployment.getName()).isEqualTo("repair");
	}


	/** Files as a browser or Modeler uploads them, with the change note as a form field. */
	private HttpResponse<String> upload(String user, String path, String note, Map<String, String> files) throws Exception {
		String boundary = "----manage";
		StringBuilder body = new StringBuilder();
		if (note != null) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n").append(note)
					.append("\r\n");
		}
		for (var file : files.entrySet()) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file.getKey())
					.append("\"; filename=\"").append(file.getKey()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.append(file.getValue()).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void uploadedFormGoesLiveWithItsProcessAndTheUnchangedDiagramStays() throws Exception {
		String diagram = Files.readString(Path.of("processes/repair.bpmn"));
		String form = Files.readString(Path.of("forms/repair-work.form")).replace("现场诊断", "现场诊断结论");
		int repairVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey("repair").latestVersion()
				.singleResult().getVersion();
		Map<String, String> files = new java.util.LinkedHashMap<>();
		files.put("repair.bpmn", diagram);
		files.put("repair-work.form", form);

		JsonNode preview = JSON.readTree(upload("manager", "/api/manage/deployments/preview", null, files).body());
		assertThat(preview.path("allowed").asBoolean()).isTrue();
		assertThat(preview.path("changes")).extracting(c -> c.path("key").asText() + ":" + c.path("unchanged").asBoolean()
				+ ":" + c.path("deployment").asText()).containsExactly("repair:true:repair", "repair-work:false:repair");

		var missingNote = upload("manager", "/api/manage/deployments", null, files);
		assertThat(missingNote.statusCode()).isEqualTo(400);
		assertThat(missingNote.body()).contains("\"field\":\"note\"");
		var deployed = upload("manager", "/api/manage/deployments", "维修记录表单：现场诊断改为现场诊断结论", files);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
		JsonNode versions = JSON.readTree(deployed.body()).path("versions");
		assertThat(versions).extracting(v -> v.path("kind").asText() + ":" + v.path("key").asText()).containsExactly("form:repair-work");
		String deploymentId = versions.get(0).path("deploymentId").asText();
		assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult().getName()).isEqualTo("repair");
		assertThat(repositoryService.getDeploymentResourceNames(deploymentId)).containsExactly("repair-work.form");
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("repair").latestVersion().singleResult()
				.getVersion()).isEqualTo(repairVersion);

		// a diagram that would run code in the JVM is refused with the guard's reasons, and nothing is deployed
		String unsafe = diagram.replace("camunda:delegateExpression=\"${dispatchTechnicianDelegate}\"",
				"camunda:class=\"java.lang.Runtime\"");
		assertThat(unsafe).isNotEqualTo(diagram);
		JsonNode refused = JSON.readTree(upload("manager", "/api/manage/deployments/preview", null, Map.of("repair.bpmn", unsafe)).body());
		assertThat(refused.path("allowed").asBoolean()).isFalse();
		assertThat(refused.path("reasons").get(0).asText()).contains("repair.bpmn");
		long deployments = repositoryService.createDeploymentQuery().count();
		var notDeployed = upload("manager", "/api/manage/deployments", "试试", Map.of("repair.bpmn", unsafe));
		assertThat(notDeployed.statusCode()).isEqualTo(400);
		assertThat(notDeployed.body()).contains("\"field\":\"files\"", "部署检查未通过");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	/** The calls behind Cockpit's version picker on a process's and a decision's page: the list unpaged, and its count. */
	@Test
	void cockpitsVersionPickerListsEveryVersion() throws Exception {
		as("manager", "POST", "/api/manage/deployments", fileBody("sla-policy.dmn", fasterP1Response(), "P1 10 分钟"));
		for (String list : List.of("process-definition?key=repair", "decision-definition?key=sla-policy")) {
			String query = list + "&sortBy=version&sortOrder=desc&withoutTenantId=true";
			var versions = as("manager", "GET", "/engine-rest/" + query, null);
			assertThat(versions.status()).as(list + " " + versions.body()).isEqualTo(200);
			var count = as("manager", "GET", "/engine-rest/" + query.replaceFirst("\\?", "/count?"), null);
			assertThat(count.status()).isEqualTo(200);
			assertThat(versions.body().size()).isEqualTo(count.body().path("count").asInt()).isPositive();
		}
		JsonNode decisions = as("manager", "GET", "/engine-rest/decision-definition?key=sla-policy&sortBy=version&sortOrder=desc", null)
				.body();
		assertThat(decisions.size()).isGreaterThanOrEqualTo(2);
		assertThat(decisions.get(0).path("version").asInt()).isEqualTo(latestDecisionVersion("sla-policy"));
	}


	@Test
	void incidentThatIsNoFailedJobIsResolvedWithANote() throws Exception {
		String caseNo = p1Repair();
		var repair = runtimeService.createProcessInstanceQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo)
				.singleResult();
		String id = runtimeService.createIncident("propdesk-check", repair.getId(), "manual", "checked by hand").getId();

		var retry = as("manager", "POST", "/api/manage/incidents/" + id + "/retry", null);
		assertThat(retry.status()).as("only a failed job is retried").isEqualTo(409);
		assertThat(as("manager", "POST", "/api/manage/incidents/" + id + "/resolve", "{}").status()).isEqualTo(400);
		var resolved = as("manager", "POST", "/api/manage/incidents/" + id + "/resolve", "{\"note\": \"已电话确认，无需处理\"}");

		assertThat(resolved.status()).as(String.valueOf(resolved.body())).isEqualTo(200);
		assertThat(runtimeService.createIncidentQuery().incidentId(id).count()).isZero();
		assertThat(trail.entries()).anySatisfy(entry -> {
			assertThat(entry.caseNo()).isEqualTo(caseNo);
			assertThat(entry.actor()).isEqualTo("manager");
			assertThat(entry.detail()).contains("已解决", "已电话确认，无需处理");
		});
		assertThat(as("manager", "POST", "/api/manage/incidents/" + id + "/resolve", "{\"note\": \"再一次\"}").status())
				.isEqualTo(404);
	}

}
