package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.Jobs;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.Work;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * Running repairs moved to a corrected diagram over the API: the engine's plan, which case cannot move and why, a
 * dry run that changes nothing, then the move as a batch whose jobs the test runs itself (the job executor is off).
 */
@PropDeskTest
@AtDayShift
class MigrationApiTests {

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
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	TestVersions versions;

	final List<String> batches = new ArrayList<>();

	/** Three repairs waiting for the technician to accept (接单), and one the desk has to classify. */
	List<String> accepting;

	String atDesk;

	int v1;

	@BeforeEach
	void threeRepairsAtAcceptAndOneAtTheDeskThenAVersionWithoutTheDeskStep() {
		api = new ApiClient(port);
		versions = new TestVersions(repositoryService);
		accepting = List.of(open("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重"), open("2", "2-301", "plumbing", "卫生间水龙头漏水"),
				open("3", "3-502", "electrical", "客厅插座没电"));
		atDesk = open("2", "2-801", "other", "阳台上有个东西一直响");
		v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepairProcess.KEY).latestVersion().singleResult()
				.getVersion();
		versions.deploy("repair.bpmn", TestVersions.repairWithoutDeskClassification());
	}

	@AfterEach
	void removeBatchesAndVersions() {
		batches.forEach(id -> {
			if (managementService.createBatchQuery().batchId(id).count() > 0) {
				managementService.deleteBatch(id, true);
			}
		});
		versions.removeAll();
	}

	private String open(String building, String unit, String category, String description) {
		return cases.open(Reports.repair(building, unit, category, description)).record().caseNo();
	}

	private ProcessInstance instance(String caseNo) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.KEY).processInstanceBusinessKey(caseNo)
				.singleResult();
	}

	private int version(String caseNo) {
		return repositoryService.getProcessDefinition(instance(caseNo).getProcessDefinitionId()).getVersion();
	}

	private String body(String extra) {
		return "{\"processKey\": \"repair\", \"fromVersion\": " + v1 + ", \"toVersion\": " + (v1 + 1) + extra + "}";
	}

	private static JsonNode caseReport(JsonNode plan, String caseNo) {
		for (JsonNode report : plan.get("cases")) {
			if (report.get("caseNo").asText().equals(caseNo)) {
				return report;
			}
		}
		throw new AssertionError(caseNo + " not in " + plan.get("cases"));
	}

	@Test
	void planMapsEqualStepsAndReportsTheCaseAtTheRemovedStepWithItsReason() throws Exception {
		Answer answer = api.call("POST", "/api/manage/migrations/plan", body(""), "Authorization", basic("auditor"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode plan = answer.body();
		assertThat(plan.at("/from/version").asInt()).isEqualTo(v1);
		assertThat(plan.at("/to/version").asInt()).isEqualTo(v1 + 1);
		assertThat(plan.get("instructions").findValuesAsText("id")).contains(RepairProcess.ACCEPT_JOB);
		JsonNode accept = null;
		for (JsonNode instruction : plan.get("instructions")) {
			if (instruction.at("/source/id").asText().equals(RepairProcess.ACCEPT_JOB)) {
				accept = instruction;
			}
		}
		assertThat(accept).isNotNull();
		assertThat(accept.at("/target/id").asText()).isEqualTo(RepairProcess.ACCEPT_JOB);
		assertThat(accept.at("/source/name").asText()).isEqualTo("接单");
		assertThat(plan.get("unmapped").findValuesAsText("id")).containsExactly("Task_DeskClassification");
		assertThat(plan.get("unmapped").findValuesAsText("name")).containsExactly("客服人工分类");
		// the feedback timeout is a timer: cases waiting on it keep their due time
		assertThat(plan.get("timers").findValuesAsText("id")).contains("Timer_FeedbackTimeout");

		assertThat(plan.get("movable").asInt()).isEqualTo(3);
		assertThat(plan.get("blocked").asInt()).isEqualTo(1);
		assertThat(plan.get("running").asInt()).isEqualTo(4);
		for (String caseNo : accepting) {
			JsonNode report = caseReport(plan, caseNo);
			assertThat(report.get("movable").asBoolean()).as(caseNo).isTrue();
			assertThat(report.get("activities").findValuesAsText("name")).containsExactly("接单");
		}
		JsonNode blocked = caseReport(plan, atDesk);
		assertThat(blocked.get("movable").asBoolean()).isFalse();
		assertThat(blocked.get("activities").findValuesAsText("id")).containsExactly("Task_DeskClassification");
		assertThat(blocked.at("/reasons/0/text").asText()).isEqualTo("步骤「客服人工分类」：所在步骤在新版本中没有对应的步骤（已删除或编号改变），不能迁移");
		assertThat(blocked.at("/reasons/0/original").asText()).contains("There is no migration instruction");
		// asking changed nothing
		accepting.forEach(caseNo -> assertThat(version(caseNo)).isEqualTo(v1));
	}

	@Test
	void dryRunReportsExactlyTheAskedCasesAndChangesNothing() throws Exception {
		long migrationsLogged = historyService.createUserOperationLogQuery()
				.operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).count();

		Answer answer = api.call("POST", "/api/manage/migrations/dry-run",
				body(", \"caseNos\": [\"" + accepting.get(0) + "\", \"" + atDesk + "\"]"), "Authorization", basic("manager"));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("cases").findValuesAsText("caseNo")).containsExactlyInAnyOrder(accepting.get(0), atDesk);
		assertThat(caseReport(answer.body(), accepting.get(0)).get("movable").asBoolean()).isTrue();
		assertThat(caseReport(answer.body(), atDesk).get("movable").asBoolean()).isFalse();
		accepting.forEach(caseNo -> assertThat(version(caseNo)).isEqualTo(v1));
		assertThat(version(atDesk)).isEqualTo(v1);
		assertThat(migrationEntries(accepting.get(0))).isEmpty();
		assertThat(historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).count())
				.isEqualTo(migrationsLogged);

		Answer unknown = api.call("POST", "/api/manage/migrations/dry-run", body(", \"caseNos\": [\"R-19990101-0001\"]"),
				"Authorization", basic("manager"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().at("/errors/0/field").asText()).isEqualTo("caseNos[0]");
	}

	@Test
	void managerMovesTheMovableCasesAsABatchAndEachMoveIsInTheAuditTrail() throws Exception {
		Answer submitted = api.call("POST", "/api/manage/migrations", body(", \"note\": \"接单后增加确认到场\""), "Authorization",
				basic("manager"));

		assertThat(submitted.status()).isEqualTo(202);
		String batchId = submitted.body().get("batchId").asText();
		batches.add(batchId);
		List<String> included = new ArrayList<>();
		submitted.body().get("caseNos").forEach(c -> included.add(c.asText()));
		assertThat(included).containsExactlyInAnyOrderElementsOf(accepting);
		assertThat(submitted.body().get("excluded").findValuesAsText("caseNo")).containsExactly(atDesk);
		assertThat(submitted.body().at("/excluded/0/reasons/0/text").asText()).contains("客服人工分类");

		Answer waiting = api.call("GET", "/api/manage/migrations/" + batchId, null, "Authorization", basic("auditor"));
		assertThat(waiting.status()).isEqualTo(200);
		assertThat(waiting.body().get("finished").asBoolean()).isFalse();
		assertThat(waiting.body().get("cases").findValuesAsText("state")).containsOnly("waiting");

		// every case moved: done, although the engine's monitor closes the batch only at its next poll
		Jobs.runBatchJobs(managementService, batchId);

		Answer done = api.call("GET", "/api/manage/migrations/" + batchId, null, "Authorization", basic("manager"));
		assertThat(done.body().get("finished").asBoolean()).isTrue();
		assertThat(done.body().get("total").asInt()).isEqualTo(3);
		assertThat(done.body().get("done").asInt()).isEqualTo(3);
		assertThat(done.body().get("cases").findValuesAsText("stateLabel")).containsOnly("已迁移");
		assertThat(done.body().get("createdBy").asText()).isEqualTo("manager");
		String v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepairProcess.KEY).processDefinitionVersion(v1 + 1)
				.singleResult().getId();
		accepting.forEach(caseNo -> assertThat(instance(caseNo).getProcessDefinitionId()).isEqualTo(v2));
		assertThat(version(atDesk)).isEqualTo(v1);
		for (String caseNo : accepting) {
			assertThat(migrationEntries(caseNo)).containsExactly(
					"提交迁移：repair 第 " + v1 + " 版 → 第 " + (v1 + 1) + " 版（批次 " + batchId + "）；说明：接单后增加确认到场",
					"已迁移：repair 第 " + v1 + " 版 → 第 " + (v1 + 1) + " 版（批次 " + batchId + "）");
		}
		assertThat(migrationEntries(atDesk)).isEmpty();
		// the engine's own log names the manager too: the move was submitted in their name
		assertThat(historyService.createUserOperationLogQuery().operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE)
				.userId("manager").processDefinitionKey(RepairProcess.KEY).count()).isPositive();
		// a moved case works on in the new version: the technician accepts and the new step follows
		Task accept = taskService.createTaskQuery().processInstanceBusinessKey(accepting.get(0)).singleResult();
		assertThat(accept.getProcessDefinitionId()).isEqualTo(v2);
		Work.completeAs(identityService, taskService, accept.getAssignee(), accept, Map.of("eta", "15 分钟内"));
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(accepting.get(0)).singleResult().getName())
				.isEqualTo("确认到场");
	}

	/** The case's audit trail entries of moves, all in the manager's name. */
	private List<String> migrationEntries(String caseNo) {
		return jdbc.queryForList("select detail from audit_trail where case_no = ? and kind = ? and actor = ? order by seq", String.class,
				caseNo, Migrations.KIND, "manager");
	}

	@Test
	void aCaseThatEndsBeforeItsMoveIsReportedAsAFailedJobInChinese() throws Exception {
		Answer submitted = api.call("POST", "/api/manage/migrations", body(", \"note\": \"接单后增加确认到场\""), "Authorization",
				basic("manager"));
		String batchId = submitted.body().get("batchId").asText();
		batches.add(batchId);
		runtimeService.deleteProcessInstance(instance(accepting.get(0)).getId(), "业主撤回");

		Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
		managementService.executeJob(managementService.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult()
				.getId());
		for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
			try {
				managementService.executeJob(job.getId());
			}
			catch (RuntimeException failed) {
				managementService.setJobRetries(job.getId(), 0);
			}
		}

		Answer progress = api.call("GET", "/api/manage/migrations/" + batchId, null, "Authorization", basic("manager"));
		assertThat(progress.body().get("finished").asBoolean()).isFalse();
		assertThat(progress.body().get("total").asInt()).isEqualTo(3);
		assertThat(progress.body().get("failed").asInt()).isEqualTo(1);
		assertThat(progress.body().at("/failedJobs/0/error").asText()).isEqualTo("事项的流程已结束或不存在");
		assertThat(progress.body().at("/failedJobs/0/original").asText()).contains("does not exist");
		for (JsonNode moving : progress.body().get("cases")) {
			assertThat(moving.get("stateLabel").asText()).as(moving.get("caseNo").asText())
					.isEqualTo(moving.get("caseNo").asText().equals(accepting.get(0)) ? "已结束" : "已迁移");
		}
	}

	/** The repair's last wait: the owner's feedback, or the timeout. */
	private String waitingForFeedback() {
		String caseNo = open("5", "5-1001", "plumbing", "厨房下水道堵塞");
		Task accept = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		Work.completeAs(identityService, taskService, accept.getAssignee(), accept, Map.of("eta", "15 分钟内"));
		Task work = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		Work.completeAs(identityService, taskService, work.getAssignee(), work, Map.of(RepairProcess.DIAGNOSIS.name(), "管道堵塞",
				RepairProcess.REPAIR_OUTCOME.name(), "done", RepairProcess.WORK_DONE.name(), "疏通下水道", RepairProcess.MATERIALS.name(), "无",
				RepairProcess.COST.name(), 0.0));
		Task acceptance = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		Work.completeAs(identityService, taskService, "agent", acceptance, Map.of(RepairProcess.ACCEPTED.name(), true,
				RepairProcess.OWNER_CONFIRMATION.name(), "业主确认已修好"));
		return caseNo;
	}

	private Job feedbackTimer(String caseNo) {
		return managementService.createJobQuery().processInstanceId(instance(caseNo).getId()).timers().singleResult();
	}

	@Test
	void aCaseWaitingOnATimerKeepsItsDueTimeWhenItMoves() throws Exception {
		repositoryService.deleteDeployment(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepairProcess.KEY)
				.processDefinitionVersion(v1 + 1).singleResult().getDeploymentId(), true, true);
		String waiting = waitingForFeedback();
		versions.deploy("repair.bpmn", TestVersions.repairWithoutDeskClassification());
		java.util.Date due = feedbackTimer(waiting).getDuedate();

		Answer plan = api.call("POST", "/api/manage/migrations/dry-run", body(", \"caseNos\": [\"" + waiting + "\"]"),
				"Authorization", basic("manager"));

		assertThat(plan.status()).isEqualTo(200);
		JsonNode timer = null;
		for (JsonNode mapping : plan.body().get("timers")) {
			if (mapping.at("/source/id").asText().equals(RepairProcess.FEEDBACK_TIMEOUT)) {
				timer = mapping;
			}
		}
		assertThat(timer).isNotNull();
		assertThat(timer.get("before").asText()).isEqualTo("时长 PT72H");
		assertThat(timer.get("after").asText()).isEqualTo("时长 PT48H");
		JsonNode report = caseReport(plan.body(), waiting);
		assertThat(report.get("movable").asBoolean()).isTrue();
		assertThat(report.at("/timers/0/activity/id").asText()).isEqualTo(RepairProcess.FEEDBACK_TIMEOUT);
		assertThat(java.time.OffsetDateTime.parse(report.at("/timers/0/dueAt").asText()).toInstant()).isEqualTo(due.toInstant());
		assertThat(report.at("/timers/0/note").asText()).contains("保持原到期时间", "PT48H");

		Answer submitted = api.call("POST", "/api/manage/migrations",
				body(", \"caseNos\": [\"" + waiting + "\"], \"note\": \"评价等待改为 48 小时\""), "Authorization", basic("manager"));
		assertThat(submitted.status()).isEqualTo(202);
		batches.add(submitted.body().get("batchId").asText());
		Jobs.runBatch(managementService, submitted.body().get("batchId").asText());

		assertThat(version(waiting)).isEqualTo(v1 + 1);
		assertThat(feedbackTimer(waiting).getDuedate()).isEqualTo(due);
		// the owner's feedback still reaches the moved case
		assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance(waiting).getId()).eventType("message")
				.count()).isEqualTo(1);
	}

	@Test
	void onlyManagementMovesCasesAndANoteIsRequired() throws Exception {
		for (String user : List.of("agent", "auditor", "engineer")) {
			Answer refused = api.call("POST", "/api/manage/migrations", body(", \"note\": \"试试\""), "Authorization", basic(user));
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body().get("detail").asText()).contains("管理层");
		}
		assertThat(api.call("POST", "/api/manage/migrations/plan", body(""), "Authorization", basic("agent")).status()).isEqualTo(403);
		assertThat(api.call("POST", "/api/manage/migrations/plan", body("")).status()).isEqualTo(401);

		Answer noNote = api.call("POST", "/api/manage/migrations", body(""), "Authorization", basic("manager"));
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.body().at("/errors/0/field").asText()).isEqualTo("note");
		Answer sameVersion = api.call("POST", "/api/manage/migrations/plan",
				"{\"processKey\": \"repair\", \"fromVersion\": " + v1 + ", \"toVersion\": " + v1 + "}", "Authorization", basic("manager"));
		assertThat(sameVersion.status()).isEqualTo(400);
		assertThat(sameVersion.body().at("/errors/0/field").asText()).isEqualTo("toVersion");
		accepting.forEach(caseNo -> assertThat(version(caseNo)).isEqualTo(v1));
	}

}
