package com.propdesk.audit;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/**
 * The tamper-evident trail: every case event is chained as it happens; a changed, deleted or inserted
 * row is found at the right entry, in the database and in an export verified offline.
 */
@PropDeskTest
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	CaseService cases;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ObjectMapper json;

	@Autowired
	TransactionTemplate transaction;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	String caseNo;

	@BeforeEach
	void setUp() {
		TestClock.set(TestClock.DAY);
		caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
	}

	@AfterEach
	void tearDown() {
		runtimeService.createProcessInstanceQuery().list()
				.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test finished"));
		TestClock.reset();
	}

	private long firstEntryOfTheCase() {
		return jdbc.queryForObject("select min(seq) from audit_trail where case_no = ?", Long.class, caseNo);
	}

	@Test
	void transactionsAppendingAtTheSameTimeChainWithoutGapsOrForks() throws Exception {
		long before = jdbc.queryForObject("select count(*) from audit_trail", Long.class);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				int writer = t;
				writers.add(threads.submit(() -> {
					for (int i = 0; i < 20; i++) {
						int n = i;
						transaction.executeWithoutResult(status -> {
							for (int k = 0; k < 3; k++) {
								trail.append(Clock.now(), caseNo, "test", "writer-" + writer, "entry " + n + "." + k);
							}
						});
					}
				}));
			}
			for (Future<?> w : writers) {
				w.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(jdbc.queryForObject("select count(*) from audit_trail", Long.class)).isEqualTo(before + 6 * 20 * 3);
		assertThat(trail.verify()).isEmpty();
		// each transaction's entries stay together, in its own order
		List<AuditTrail.Entry> mine = trail.entries().stream().filter(e -> e.kind().equals("test")).toList();
		for (int i = 0; i < mine.size(); i += 3) {
			assertThat(mine.subList(i, i + 3)).extracting(AuditTrail.Entry::actor).containsOnly(mine.get(i).actor());
			assertThat(mine.get(i).detail()).endsWith(".0");
			assertThat(mine.get(i + 2).detail()).endsWith(".2");
		}
	}

	@Test
	void everyTimelineLineIsChainedAsItHappens() {
		assertThat(trail.entries()).filteredOn(e -> e.caseNo().equals(caseNo)).extracting(AuditTrail.Entry::kind)
				.containsSubsequence("accepted", "classified", "dispatched");
		assertThat(trail.verify()).isEmpty();
	}

	@Test
	void peoplesOperationsInTheEngineAreChainedWithTheirCase() throws Exception {
		var accept = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		ApiClient api = new ApiClient(port);

		// the technician completes the job through the engine's REST API, as Tasklist does
		Answer completed = api.call("POST", "/engine-rest/task/" + accept.getId() + "/complete",
				"{\"variables\": {\"eta\": {\"value\": \"" + Clock.now().plusMinutes(10) + "\", \"type\": \"String\"}}}", "Authorization",
				basic("engineer"));
		assertThat(completed.status()).isEqualTo(204);
		// an administrator's change outside any case: a user created in Camunda Admin
		identityService.setAuthentication("admin", List.of("camunda-admin"));
		try {
			identityService.saveUser(identityService.newUser("trail-test"));
			identityService.deleteUser("trail-test");
		}
		finally {
			identityService.clearAuthentication();
		}

		// once each: the engine has the handler once, beside its own
		assertThat(trail.entries()).filteredOn(e -> e.caseNo().equals(caseNo) && e.kind().equals(OperationLogTrail.KIND)
				&& e.detail().startsWith("Complete Task") && e.detail().contains("task " + accept.getId()))
				.singleElement().satisfies(e -> {
					assertThat(e.actor()).isEqualTo("engineer");
					assertThat(e.detail()).contains("process repair");
				});
		assertThat(trail.entries()).filteredOn(e -> e.caseNo().equals(OperationLogTrail.NO_CASE))
				.anySatisfy(e -> {
					assertThat(e.actor()).isEqualTo("admin");
					assertThat(e.detail()).startsWith("Create User");
				})
				.anySatisfy(e -> assertThat(e.detail()).startsWith("Delete User"))
				.filteredOn(e -> e.detail().startsWith("Create User") && e.detail().contains("trail-test")).hasSize(1);
		assertThat(trail.verify()).isEmpty();
	}

	@Test
	void changedEntryIsFoundWhereItWasChanged() {
		long seq = firstEntryOfTheCase();
		String original = jdbc.queryForObject("select detail from audit_trail where seq = ?", String.class, seq);
		jdbc.update("update audit_trail set detail = ? where seq = ?", "已受理：报修（已篡改）", seq);
		try {
			assertThat(trail.verify()).hasValueSatisfying(broken -> {
				assertThat(broken.seq()).isEqualTo(seq);
				assertThat(broken.problem()).contains("被改动");
			});
		}
		finally {
			jdbc.update("update audit_trail set detail = ? where seq = ?", original, seq);
		}
		assertThat(trail.verify()).isEmpty();
	}

	@Test
	void deletedEntryIsFoundAsMissing() {
		long seq = firstEntryOfTheCase();
		Map<String, Object> row = jdbc.queryForMap("select * from audit_trail where seq = ?", seq);
		jdbc.update("delete from audit_trail where seq = ?", seq);
		try {
			assertThat(trail.verify()).hasValueSatisfying(broken -> {
				assertThat(broken.seq()).isEqualTo(seq);
				assertThat(broken.problem()).contains("缺失");
			});
		}
		finally {
			jdbc.update("insert into audit_trail (seq, at, case_no, kind, actor, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)",
					row.get("seq"), row.get("at"), row.get("case_no"), row.get("kind"), row.get("actor"), row.get("detail"),
					row.get("prev_hash"), row.get("hash"));
		}
		assertThat(trail.verify()).isEmpty();
	}

	@Test
	void entryInsertedOutsideTheChainIsFound() {
		long next = jdbc.queryForObject("select max(seq) from audit_trail", Long.class) + 1;
		jdbc.update("insert into audit_trail (seq, at, case_no, kind, actor, detail, prev_hash, hash) values (?, now(), ?, "
				+ "'closed', 'manager', '已办结', ?, ?)", next, caseNo, "x".repeat(64), "y".repeat(64));
		try {
			assertThat(trail.verify()).hasValueSatisfying(broken -> assertThat(broken.seq()).isEqualTo(next));
		}
		finally {
			jdbc.update("delete from audit_trail where seq = ?", next);
		}
		assertThat(trail.verify()).isEmpty();
	}

	@Test
	void exportIsVerifiedOfflineAndTamperingInTheFileIsFound() throws Exception {
		ApiClient api = new ApiClient(port);
		Answer verify = api.call("GET", "/api/audit/trail/verify", null, "Authorization", basic("auditor"));
		Answer export = api.call("GET", "/api/audit/trail/export", null, "Authorization", basic("auditor"));

		assertThat(verify.body().get("intact").asBoolean()).isTrue();
		assertThat(api.call("GET", "/api/audit/trail/export", null, "Authorization", basic("engineer")).status()).isEqualTo(403);
		Path file = temp.resolve("export.json");
		Files.writeString(file, export.body().toString());
		assertThat(AuditTrailVerifier.verify(file)).startsWith("intact: ");

		ObjectNode tampered = (ObjectNode) export.body().deepCopy();
		((ObjectNode) tampered.get("entries").get(0)).put("actor", "someone-else");
		Files.writeString(file, tampered.toString());
		assertThat(AuditTrailVerifier.verify(file)).isEqualTo("broken at 1: 第 1 条内容被改动");
	}

}
