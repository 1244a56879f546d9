package com.propdesk.desk;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.audit.AuditTrail;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairCaseType;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;

/**
 * What the desk sees of a case and does on a call: who holds it and since when, a call record, a corrected contact,
 * the tracking link by SMS, and the caller card's last return visit — each over the real API, engine and tables.
 */
@PropDeskTest
@AtDayShift
class DeskCasesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseService cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ManagementService managementService;

	@Autowired
	SlaService slas;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private JsonNode openRepair() throws Exception {
		return api.call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()), "X-Api-Key", "demo").body();
	}

	private Answer asAgent(String method, String path, String body) throws Exception {
		return api.call(method, path, body, "Authorization", basic("agent"));
	}

	private List<String> timeline(String caseNo, String kind) {
		return jdbc.queryForList("select actor || ':' || message from case_event where case_no = ? and kind = ? order by id",
				String.class, caseNo, kind);
	}

	@Test
	void showsWhoHoldsTheCaseSinceWhenAndTheReportersFullPhone() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();

		Answer desk = asAgent("GET", "/api/desk/cases/" + caseNo, null);

		assertThat(desk.status()).isEqualTo(200);
		JsonNode body = desk.body();
		assertThat(body.get("reporter").get("phone").asText()).isEqualTo("13800000000");
		assertThat(body.get("trackingUrl").asText()).startsWith("http://localhost:" + port + "/track/")
				.endsWith("/track/" + caseNo + "?token=" + receipt.get("trackingToken").asText());
		// building 3 is in zone A; of the day shift only 王师傅 (engineer) is there: dispatch gave him the job
		JsonNode task = body.get("tasks").get(0);
		assertThat(task.get("assignee").asText()).isEqualTo("engineer");
		assertThat(task.get("assigneeName").asText()).isEqualTo("王师傅");
		assertThat(task.get("name").asText()).isNotBlank();
		assertThat(task.get("since").isNull()).isFalse();
		assertThat(task.get("due").isNull()).isFalse();
		assertThat(body.get("urgesLast24h").asInt()).isZero();

		asAgent("POST", "/api/cases/" + caseNo + "/urge", "{\"note\":\"业主来电催\"}");
		assertThat(asAgent("GET", "/api/desk/cases/" + caseNo, null).body().get("urgesLast24h").asInt()).isOne();
	}

	@Test
	void listsABreachsEscalationBesideTheCasesOwnTask() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		Work.letClockRunOut(managementService, slas, caseNo, SlaNames.REPAIR_RESPONSE);

		JsonNode tasks = asAgent("GET", "/api/desk/cases/" + caseNo, null).body().get("tasks");

		assertThat(tasks.findValuesAsText("name")).as("the repair's task, then the escalation").hasSize(2).endsWith("超时督办");
		JsonNode escalation = tasks.get(1);
		assertThat(escalation.get("groups").toString()).isEqualTo("[\"duty-officer\"]");
		assertThat(escalation.get("groupLabels").toString()).isEqualTo("[\"24小时值班\"]");
		assertThat(escalation.get("assignee").isNull()).isTrue();
	}

	@Test
	void recordsACallOnTheTimelineAndRefusesAnIncompleteOneNamingItsFields() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		String path = "/api/desk/cases/" + caseNo + "/calls";

		Answer recorded = asAgent("POST", path, "{\"caller\":\"王女士\",\"phone\":\"138 0000 0000\",\"summary\":\"问师傅几点到\"}");
		Answer empty = asAgent("POST", path, "{\"caller\":\" \",\"summary\":\"\"}");
		Answer badPhone = asAgent("POST", path, "{\"caller\":\"王女士\",\"phone\":\"12345\",\"summary\":\"问进度\"}");

		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.body().get("kind").asText()).isEqualTo("call");
		assertThat(recorded.body().get("actor").asText() + "=" + recorded.body().get("actorName").asText())
				.as("who by name, as the timeline shows it").isEqualTo("agent=李客服");
		assertThat(timeline(caseNo, "call")).containsExactly("agent:来电：王女士（138****0000）：问师傅几点到");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.contentType()).startsWith("application/problem+json");
		assertThat(empty.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("caller", "summary");
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.body().get("errors").findValuesAsText("field")).containsExactly("phone");
		assertThat(timeline(caseNo, "call")).hasSize(1);
	}

	@Test
	void aLineTheAnswerShowsIsTheLineTheTimelineHolds() throws Exception {
		TestClock.running(TestClock.DAY);
		String caseNo = openRepair().get("caseNo").asText();
		List<OffsetDateTime> answered = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answered.add(OffsetDateTime.parse(asAgent("POST", "/api/desk/cases/" + caseNo + "/calls",
					"{\"caller\":\"王女士\",\"summary\":\"问进度 " + i + "\"}").body().get("at").asText()));
			answered.add(OffsetDateTime.parse(asAgent("POST", "/api/cases/" + caseNo + "/urge", "{}").body().get("urgedAt").asText()));
		}
		answered.add(OffsetDateTime.parse(asAgent("POST", "/api/desk/cases/" + caseNo + "/tracking-sms", null).body()
				.get("sentAt").asText()));
		List<OffsetDateTime> stored = jdbc.queryForList("select at from case_event where case_no = ? and (kind in ('call', "
				+ "'urged') or message like '%跟踪链接%') order by id", OffsetDateTime.class, caseNo);
		assertThat(stored).map(OffsetDateTime::toInstant).as("each to the millisecond")
				.containsExactlyElementsOf(answered.stream().map(OffsetDateTime::toInstant).toList());

		// the callback's time, which channels may match against the owner's timeline, is its line's
		List<Map<String, Object>> events = jdbc.queryForList("select o.at as posted, e.at as line from owner_event o join "
				+ "case_event e on e.case_no = o.case_no and e.kind = 'event-' || o.event where o.case_no = ?", caseNo);
		assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.get("posted")).isEqualTo(event.get("line")));
	}

	@Test
	void correctsTheReportersContactOnTheCaseAndInItsProcess() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		String path = "/api/desk/cases/" + caseNo + "/reporter";

		Answer bad = asAgent("PUT", path, "{\"name\":\"\",\"phone\":\"abc\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "phone");
		assertThat(cases.find(caseNo).orElseThrow().reporterPhone()).isEqualTo("13800000000");

		Answer corrected = asAgent("PUT", path, "{\"name\":\"王晓红\",\"phone\":\"+86 139-1111-2222\"}");

		assertThat(corrected.status()).isEqualTo(200);
		assertThat(corrected.body().get("phone").asText()).isEqualTo("13911112222");
		CaseRecord record = cases.find(caseNo).orElseThrow();
		assertThat(record.reporterName()).isEqualTo("王晓红");
		assertThat(record.reporterPhone()).isEqualTo("13911112222");
		assertThat(runtimeService.getVariable(record.processInstanceId(), CaseVariables.REPORTER_PHONE.name()))
				.isEqualTo("13911112222");
		assertThat(timeline(caseNo, "contact-corrected"))
				.containsExactly("agent:更正联系方式：王女士 138****0000 → 王晓红 139****2222");
		// and the search finds the case by the new number's last digits
		assertThat(asAgent("GET", "/api/desk/search?q=2222", null).body().get("cases").toString()).contains(caseNo);
	}

	@Test
	void sendsTheTrackingLinkBySmsWithoutPuttingTheTokenOnTheTimeline() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		String path = "/api/desk/cases/" + caseNo + "/tracking-sms";

		// the second click 10 s later, in the next minute of the clock
		TestClock.set(TestClock.DAY.plusSeconds(55));
		Answer sent = asAgent("POST", path, null);
		TestClock.advance(Duration.ofSeconds(10));
		Answer again = asAgent("POST", path, null);

		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.body().get("sent").asBoolean()).isTrue();
		assertThat(sent.body().get("phone").asText()).isEqualTo("138****0000");
		assertThat(again.body().get("sent").asBoolean()).as("a second click within the minute").isFalse();
		assertThat(OffsetDateTime.parse(again.body().get("sentAt").asText())).as("when the one SMS went")
				.isEqualTo(OffsetDateTime.parse(sent.body().get("sentAt").asText()));
		TestClock.advance(Duration.ofSeconds(51));
		assertThat(asAgent("POST", path, null).body().get("sent").asBoolean()).as("a minute after the last: sent again")
				.isTrue();
		List<String> sms = jdbc.queryForList("select text from notification where case_no = ? and kind = 'SMS' "
				+ "and recipient = '13800000000' and event_id like 'tracking-link-%'", String.class, caseNo);
		assertThat(sms).hasSize(2).allSatisfy(text -> assertThat(text).contains("/track/" + caseNo + "?token=" + token));
		assertThat(String.join("\n", timeline(caseNo, "sms"))).contains("发送跟踪链接").doesNotContain(token);
	}

	@Test
	void theCallersCardShowsTheLastReturnVisit() throws Exception {
		assertThat(asAgent("GET", "/api/desk/callers/6-01702", null).body().get("lastReturnVisit").isNull()).isTrue();
		String older = openRepair("6-1702");
		String newer = openRepair("6-1702");
		cases.record(older, RepairCaseType.Timeline.RETURN_VISIT, "agent", "回访已联系业主，满意度 满意：修好了");
		cases.record(newer, RepairCaseType.Timeline.RETURN_VISIT, "agent", "回访未联系上业主：电话无人接听");

		JsonNode visit = asAgent("GET", "/api/desk/callers/6-1702", null).body().get("lastReturnVisit");

		assertThat(visit.get("caseNo").asText()).isEqualTo(newer);
		assertThat(visit.get("message").asText()).isEqualTo("回访未联系上业主：电话无人接听");
		assertThat(visit.get("actor").asText()).isEqualTo("agent");
	}

	private String openRepair(String unit) throws Exception {
		return api.call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()).replace("\"3-1201\"", "\"" + unit + "\"")
				.replace("\"building\": \"3\"", "\"building\": \"" + unit.substring(0, unit.indexOf('-')) + "\""),
				"X-Api-Key", "demo").body().get("caseNo").asText();
	}

	@Test
	void onlyTheDeskDutyOfficerAndManagementMayUseIt() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		String[][] calls = { { "GET", "/api/desk/me", null }, { "GET", "/api/desk/cases/" + caseNo, null },
				{ "POST", "/api/desk/cases/" + caseNo + "/calls", "{\"caller\":\"x\",\"summary\":\"y\"}" },
				{ "PUT", "/api/desk/cases/" + caseNo + "/reporter", "{\"name\":\"x\",\"phone\":\"13900000000\"}" },
				{ "POST", "/api/desk/cases/" + caseNo + "/tracking-sms", null } };
		for (String[] call : calls) {
			for (String user : List.of("engineer", "auditor")) {
				Answer refused = api.call(call[0], call[1], call[2], "Authorization", basic(user));
				assertThat(refused.status()).as(user + " " + call[1]).isEqualTo(403);
				assertThat(refused.body().get("detail").asText()).contains("客服");
			}
			assertThat(api.call(call[0], call[1], call[2], "X-Api-Key", "demo").status()).as("channel " + call[1]).isEqualTo(403);
			assertThat(api.call(call[0], call[1], call[2]).status()).as("anonymous " + call[1]).isEqualTo(401);
		}
		assertThat(cases.find(caseNo).orElseThrow().reporterName()).isEqualTo("王女士");
		assertThat(timeline(caseNo, "call")).isEmpty();
		assertThat(asAgent("GET", "/api/desk/cases/R-20000101-0001", null).status()).isEqualTo(404);
		for (String user : List.of("agent", "duty", "manager")) {
			assertThat(api.call("GET", "/api/desk/me", null, "Authorization", basic(user)).body().get("userId").asText())
					.isEqualTo(user);
		}
	}

	@Test
	void theSameCorrectionSavedTwiceAtOnceIsWrittenOnce() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		var pool = Executors.newFixedThreadPool(3);
		var start = new CountDownLatch(1);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return new ApiClient(port).call("PUT", "/api/desk/cases/" + caseNo + "/reporter",
							"{\"name\":\"王女士\",\"phone\":\"13911112222\"}", "Authorization", basic("agent")).status();
				}));
			}
			start.countDown();
			for (var answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(timeline(caseNo, "contact-corrected")).as("one line, naming the number it replaced")
				.containsExactly("agent:更正联系方式：王女士 138****0000 → 王女士 139****2222");
	}

	@Test
	void callsTakenAtTheSameMomentAreAllRecordedAndChainedInTheAuditTrail() throws Exception {
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			caseNos.add(openRepair().get("caseNo").asText());
		}
		// enough at once that, unserialised, two of them read the same head of the trail (they did: 2 of 10 failed)
		int calls = 40;
		var pool = Executors.newFixedThreadPool(calls);
		var start = new CountDownLatch(1);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				String caseNo = caseNos.get(i % caseNos.size());
				String body = "{\"caller\":\"王女士\",\"summary\":\"第 " + i + " 通电话\"}";
				answers.add(pool.submit(() -> {
					start.await();
					return new ApiClient(port).call("POST", "/api/desk/cases/" + caseNo + "/calls", body, "Authorization",
							basic("agent")).status();
				}));
			}
			start.countDown();
			for (var answer : answers) {
				assertThat(answer.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		for (String caseNo : caseNos) {
			assertThat(timeline(caseNo, "call")).hasSize(calls / caseNos.size());
			assertThat(jdbc.queryForObject("select count(*) from audit_trail where case_no = ? and kind = 'call'", Integer.class,
					caseNo)).isEqualTo(calls / caseNos.size());
		}
		assertThat(auditTrail.verify()).isEmpty();
	}

}
