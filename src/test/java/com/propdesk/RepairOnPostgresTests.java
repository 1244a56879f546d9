package com.propdesk;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.propdesk.ApiClient.Answer;
import com.propdesk.repair.RepairProcess;

/**
 * The repair first half through the real HTTP API on a real PostgreSQL, where H2 is forgiving:
 * a failed statement aborts the transaction, a unique-index insert waits for the other transaction,
 * case numbers come from a PostgreSQL sequence. The demo profile stays on and only the data source
 * moves, because the {@code postgres} profile needs production secrets ({@link PostgresProfileTests}).
 */
// Camunda keeps engines in a JVM-wide registry by name; closing an engine named "default" here would
// unregister the shared H2 context's engine, and its /engine-rest and webapps would answer 404 after
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true",
		// the archive's own repeat faults stay out of this repair's (the other PostgreSQL tests write the archive)
		"propdesk.demo-history-months=0" })
// the context owns the server: closed with the class, not left to a shutdown hook racing the JVM exit
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@Import(EmbeddedPostgresDatabase.class)
// day shift: 王师傅 (engineer) is on duty in building 1; the database belongs to this class alone, so every running
// instance the extension deletes after each test is one of its own
@AtDayShift
class RepairOnPostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	ObjectMapper json;

	@Autowired
	com.propdesk.repeatfault.RepeatFaults repeatFaults;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@AfterEach
	void tearDown() {
		identityService.clearAuthentication();
	}

	private String report(String externalId, String building, String unit, String category, String description)
			throws Exception {
		return json.writeValueAsString(Map.of("type", "repair", "channel", "wechat", "externalId", externalId,
				"reporter", Map.of("name", "王女士", "phone", "13800000000"), "building", building, "unit", unit,
				"category", category, "description", description, "callbackUrl", "http://127.0.0.1:9/hooks/case"));
	}

	private Answer post(String report) throws Exception {
		return api.call("POST", "/api/cases", report, "X-Api-Key", "demo");
	}

	private String open(String building, String unit, String category, String description) throws Exception {
		Answer created = post(report("wx-" + UUID.randomUUID(), building, unit, category, description));
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		return created.body().get("caseNo").asText();
	}

	private JsonNode view(String caseNo) throws Exception {
		Answer found = api.call("GET", "/api/cases/" + caseNo, null, "Authorization", basic("agent"));
		assertThat(found.status()).as("%s", found.body()).isEqualTo(200);
		return found.body();
	}

	/** The timeline as kind:actor:message lines. */
	private static List<String> timeline(JsonNode view) {
		List<String> lines = new ArrayList<>();
		view.get("timeline").forEach(e -> lines.add(e.get("kind").asText() + ":" + e.get("actor").asText() + ":"
				+ e.get("message").asText()));
		return lines;
	}

	private Task task(String caseNo) {
		return taskService.createTaskQuery().processDefinitionKey(RepairProcess.KEY).processInstanceBusinessKey(caseNo)
				.singleResult();
	}

	private void completeAs(String user, Task task, Map<String, Object> variables) {
		// as Tasklist does: the user with their groups, so that group grants and candidate groups apply
		identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
				.map(org.camunda.bpm.engine.identity.Group::getId).toList());
		try {
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** Running repair processes of the case (other processes may share its number as business key). */
	private long repairInstances(String caseNo) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.KEY)
				.processInstanceBusinessKey(caseNo).count();
	}

	private long casesWithExternalId(String externalId) {
		return jdbc.queryForObject("select count(*) from case_record where channel = 'wechat' and external_id = ?",
				Long.class, externalId);
	}

	@Test
	void runsOnPostgres() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
	}

	/** system.PostgresSessions: each pooled connection, not only the first, plans without materializing loops. */
	@Test
	void everyPooledConnectionPlansWithoutMaterializing() throws SQLException {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				held.add(dataSource.getConnection());
			}
			for (Connection connection : held) {
				try (var statement = connection.createStatement(); var result = statement.executeQuery("show enable_material")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo("off");
				}
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	/** system.TaskListIndex on PostgreSQL: the departments' first page in the filters' order from an index. */
	@Test
	void theTaskTableHasAnIndexInTheTasklistFiltersOrder() {
		assertThat(IndexColumns.of(jdbc, "ACT_RU_TASK", "PD_IDX_TASK_LIST_ORDER")).containsExactly("DUE_DATE_ A",
				"PRIORITY_ D", "CREATE_TIME_ D");
	}

	@Test
	void burstPipeIsDispatchedToTheTechnicianWhoClosesIt() throws Exception {
		Answer created = post(report("wx-" + UUID.randomUUID(), "1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重"));

		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		JsonNode receipt = created.body();
		String caseNo = receipt.get("caseNo").asText();
		// numbered from the PostgreSQL sequence, dated by the engine clock
		assertThat(caseNo).matches("R-20261127-\\d{4,}");
		assertThat(receipt.get("priority").asText()).isEqualTo("P1");
		assertThat(receipt.get("status").asText()).isEqualTo("in-progress");
		assertThat(receipt.get("trackingToken").asText()).isNotBlank();

		JsonNode view = view(caseNo);
		assertThat(view.get("assignee").asText()).isEqualTo("engineer");
		assertThat(view.get("department").asText()).isEqualTo("engineering");
		// timestamps stored as timestamptz come back in the estate's zone
		assertThat(view.get("createdAt").asText()).startsWith("2026-11-27T10:00").endsWith("+08:00");
		assertThat(timeline(view)).first().asString().startsWith("accepted:channel:wechat:");
		assertThat(timeline(view)).anySatisfy(line -> assertThat(line).startsWith("classified:").contains("P1 · 工程部"))
				.anySatisfy(line -> assertThat(line).startsWith("dispatched:").contains("王师傅（engineer）"));

		completeAs("engineer", task(caseNo), Map.of("eta", "10 分钟"));
		completeAs("engineer", task(caseNo), Map.of(RepairProcess.DIAGNOSIS.name(), "水管接头老化破裂",
				RepairProcess.REPAIR_OUTCOME.name(), RepairProcess.OUTCOME_DONE, RepairProcess.WORK_DONE.name(), "更换接头并试压"));
		completeAs("agent", task(caseNo), Map.of(RepairProcess.ACCEPTED.name(), true));
		assertThat(view(caseNo).get("status").asText()).isEqualTo("awaiting-feedback");

		Answer feedback = api.call("POST", "/api/cases/" + caseNo + "/feedback", """
				{"score": 5, "comment": "很及时"}""", "X-Tracking-Token", receipt.get("trackingToken").asText());

		assertThat(feedback.status()).as("%s", feedback.body()).isEqualTo(200);
		JsonNode closed = view(caseNo);
		assertThat(closed.get("status").asText()).isEqualTo("closed");
		assertThat(closed.get("statusLabel").asText()).isEqualTo("已办结");
		assertThat(timeline(closed)).anySatisfy(line -> assertThat(line).startsWith("repaired:engineer:").contains("更换接头并试压"))
				.anySatisfy(line -> assertThat(line).startsWith("feedback:").contains("5 分"))
				.anySatisfy(line -> assertThat(line).startsWith("closed:"));
		assertThat(closed.get("clocks")).allSatisfy(clock -> assertThat(clock.get("state").asText()).isEqualTo("met"));
		assertThat(repairInstances(caseNo)).isZero();
	}

	@Test
	void reportTheTableCannotDecideIsClassifiedByTheDeskAndDispatched() throws Exception {
		String caseNo = open("2", "2-801", "other", "阳台上有个东西一直响");

		assertThat(view(caseNo).get("status").asText()).isEqualTo("accepted");
		Task classification = task(caseNo);
		assertThat(classification.getTaskDefinitionKey()).isEqualTo(RepairProcess.DESK_CLASSIFICATION);
		assertThat(taskService.getIdentityLinksForTask(classification.getId())).extracting(IdentityLink::getGroupId)
				.contains("service-desk");

		completeAs("agent", classification, Map.of("category", "electrical", "priority", "P3", "department",
				"engineering", "lifeSafety", false));

		JsonNode view = view(caseNo);
		assertThat(view.get("status").asText()).isEqualTo("in-progress");
		assertThat(view.get("priority").asText()).isEqualTo("P3");
		assertThat(view.get("category").asText()).isEqualTo("electrical");
		assertThat(view.get("assignee").asText()).isEqualTo("engineer");
		assertThat(timeline(view)).anySatisfy(line -> assertThat(line).startsWith("classified:agent:客服人工分类：P3 · 工程部"));
	}

	@Test
	void handedBackRepairIsDispatchedToAnotherTechnician() throws Exception {
		String caseNo = open("1", "1-1001", "plumbing", "热水器不出热水");
		assertThat(task(caseNo).getAssignee()).isEqualTo("engineer");
		completeAs("engineer", task(caseNo), Map.of("eta", "10 分钟"));

		completeAs("engineer", task(caseNo), Map.of(RepairProcess.DIAGNOSIS.name(), "热水器主板故障", RepairProcess.REPAIR_OUTCOME.name(),
				RepairProcess.OUTCOME_HAND_BACK, RepairProcess.HAND_BACK_REASON.name(), "需要熟悉该品牌的师傅"));

		JsonNode view = view(caseNo);
		assertThat(view.get("status").asText()).isEqualTo("in-progress");
		assertThat(view.get("assignee").asText()).isEqualTo("engineer2");
		assertThat(timeline(view)).anySatisfy(line -> assertThat(line).startsWith("handed-back:engineer:王师傅无法处理"));
		assertThat(task(caseNo).getTaskDefinitionKey()).isEqualTo(RepairProcess.ACCEPT_JOB);
	}

	@Test
	void replayedReportAnswersTheFirstCase() throws Exception {
		String externalId = "wx-" + UUID.randomUUID();
		String report = report(externalId, "1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重");
		Answer first = post(report);
		assertThat(first.status()).isEqualTo(201);

		Answer replay = post(report);

		assertThat(replay.status()).as("%s", replay.body()).isEqualTo(200);
		assertThat(replay.body().get("caseNo")).isEqualTo(first.body().get("caseNo"));
		assertThat(replay.body().get("trackingToken")).isEqualTo(first.body().get("trackingToken"));
		assertThat(casesWithExternalId(externalId)).isOne();
	}

	@Test
	void concurrentReplaysOpenExactlyOneCase() throws Exception {
		String externalId = "wx-" + UUID.randomUUID();
		String report = report(externalId, "1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重");
		int retries = 8;
		ExecutorService senders = Executors.newFixedThreadPool(retries);
		List<Answer> answers = new ArrayList<>();
		try (Connection firstAttempt = postgres.getPostgresDatabase().getConnection()) {
			// Left alone, the fastest request often commits before the slower ones look, and they find the
			// case by lookup without ever meeting the constraint. An attempt still in flight (its row not
			// committed) makes every request miss the lookup and wait at the unique index; when it gives
			// up, they race for the insert and the constraint alone decides, which is what is tested.
			firstAttempt.setAutoCommit(false);
			insertUncommitted(firstAttempt, externalId);
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<Answer>> sent = new ArrayList<>();
			for (int i = 0; i < retries; i++) {
				sent.add(senders.submit(() -> {
					gate.await();
					return post(report);
				}));
			}
			gate.countDown();
			awaitLockWaiters(retries);
			firstAttempt.rollback();
			for (Future<Answer> answer : sent) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			senders.shutdownNow();
		}

		assertThat(answers).extracting(Answer::status).as("%s", answers).containsOnly(201, 200).containsOnlyOnce(201);
		String caseNo = answers.get(0).body().get("caseNo").asText();
		assertThat(answers).extracting(a -> a.body().get("caseNo").asText()).containsOnly(caseNo);
		assertThat(casesWithExternalId(externalId)).isOne();
		assertThat(repairInstances(caseNo)).isOne();
		assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RepairProcess.KEY)
				.processInstanceBusinessKey(caseNo).count()).as("no process started by a losing request survives").isOne();
	}

	private static void insertUncommitted(Connection connection, String externalId) throws SQLException {
		try (var insert = connection.prepareStatement("insert into case_record (case_no, type, channel, external_id, "
				+ "reporter_name, reporter_phone, description, tracking_token, status, created_at, updated_at) "
				+ "values (?, 'repair', 'wechat', ?, '-', '-', '-', '-', 'accepted', now(), now())")) {
			insert.setString(1, "HOLD-" + UUID.randomUUID().toString().substring(0, 8));
			insert.setString(2, externalId);
			insert.executeUpdate();
		}
	}

	/** Waits until that many sessions wait for a lock: every request has reached the insert. */
	private void awaitLockWaiters(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		int waiting = 0;
		while (System.nanoTime() < deadline) {
			waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
					+ "and wait_event_type = 'Lock'", Integer.class);
			if (waiting == count) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("only " + waiting + " of " + count + " requests reached the insert");
	}

	@Test
	void threeRepairsOfAFlatAreFlaggedAsARepeatFaultAndTheArchiveScanAddsNothingTwice() throws Exception {
		open("2", "2-1802", "plumbing", "厨房下水慢");
		open("2", "2-1802", "electrical", "卫生间插座跳闸");
		String third = open("2", "2-1802", "plumbing", "厨房下水又堵了");

		Answer flags = api.call("GET", "/api/repeat-faults?status=open&building=2", null, "Authorization", basic("manager"));

		assertThat(flags.status()).as("%s", flags.body()).isEqualTo(200);
		// other tests' repairs may have flags of their own in the building: this flat's is one
		List<com.fasterxml.jackson.databind.JsonNode> flat = new java.util.ArrayList<>();
		flags.body().forEach(flag -> {
			if (flag.get("subject").asText().equals("2-1802")) {
				flat.add(flag);
			}
		});
		assertThat(flat).hasSize(1);
		assertThat(flat.get(0).get("cases")).hasSize(3);
		assertThat(flat.get(0).get("cases").get(2).get("caseNo").asText()).isEqualTo(third);
		repeatFaults.scanArchive();
		assertThat(repeatFaults.scanArchive()).isZero();
	}

}
