package com.propdesk.intake;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;

/** {@code /api/cases} over real HTTP, as channel systems, staff and owners call it. */
@PropDeskTest
@AtDayShift
class CaseApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ObjectMapper json;

	@Autowired
	TaskService taskService;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}


	private Answer call(String method, String path, String body, String... headers) throws Exception {
		return api.call(method, path, body, headers);
	}

	private Answer open(String body) throws Exception {
		return call("POST", "/api/cases", body, "X-Api-Key", "demo");
	}

	private int caseCount() {
		return jdbc.queryForObject("select count(*) from case_record", Integer.class);
	}

	@Test
	void channelOpensARepairAndGetsItsNumberPriorityAndToken() throws Exception {
		Answer answer = open(Reports.repairJson("wx-" + UUID.randomUUID()));

		assertThat(answer.status()).isEqualTo(201);
		JsonNode receipt = answer.body();
		assertThat(receipt.get("caseNo").asText()).matches("R-20261127-\\d{4,}");
		assertThat(receipt.get("type").asText()).isEqualTo("repair");
		assertThat(receipt.get("priority").asText()).isEqualTo("P1");
		assertThat(receipt.get("status").asText()).isEqualTo("in-progress");
		assertThat(receipt.get("statusLabel").asText()).isEqualTo("处理中");
		assertThat(receipt.has("dueAt")).isTrue();
		assertThat(receipt.get("trackingToken").asText()).hasSizeGreaterThanOrEqualTo(32);
	}

	@Test
	void staffOwnerAndChannelReadTheCaseWithItsTimeline() throws Exception {
		JsonNode receipt = open(Reports.repairJson("wx-" + UUID.randomUUID())).body();
		String path = "/api/cases/" + receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();

		Answer staff = call("GET", path, null, "Authorization", basic("agent"));
		assertThat(staff.status()).isEqualTo(200);
		JsonNode view = staff.body();
		assertThat(view.get("status").asText()).isEqualTo("in-progress");
		assertThat(view.get("priority").asText()).isEqualTo("P1");
		assertThat(view.get("department").asText()).isEqualTo("engineering");
		assertThat(view.get("departmentLabel").asText()).isEqualTo("工程部");
		// building 3 is in zone A; of the day shift only 王师傅 is in zone A
		assertThat(view.get("assignee").asText()).isEqualTo("engineer");
		assertThat(view.get("assigneeName").asText()).isEqualTo("王师傅");
		assertThat(view.get("links").isArray()).isTrue();
		assertThat(view.get("createdAt").asText()).endsWith("+08:00");
		List<String> kinds = new ArrayList<>();
		view.get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
		assertThat(kinds).containsSubsequence("accepted", "classified", "sla-started", "dispatched", "paged", "sla-started");
		assertThat(view.get("timeline").get(0).get("actor").asText()).isEqualTo("channel:wechat");

		assertThat(call("GET", path, null, "X-Tracking-Token", token).status()).isEqualTo(200);
		assertThat(call("GET", path + "?token=" + token, null).status()).isEqualTo(200);
		assertThat(call("GET", path, null, "X-Api-Key", "demo").status()).isEqualTo(200);
	}

	@Test
	void replayOfTheSameReportAnswersTheSameCase() throws Exception {
		String body = Reports.repairJson("wx-" + UUID.randomUUID());
		Answer first = open(body);
		int cases = caseCount();

		Answer again = open(body);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("caseNo")).isEqualTo(first.body().get("caseNo"));
		assertThat(again.body().get("trackingToken")).isEqualTo(first.body().get("trackingToken"));
		assertThat(caseCount()).isEqualTo(cases);
	}

	@Test
	void aCaseNumberSequenceBehindTheCasesHeldStillGivesEachReportANewNumber() throws Exception {
		// as after restoring a backup whose sequence was saved before its last cases
		String taken = open(Reports.repairJson("wx-" + UUID.randomUUID())).body().get("caseNo").asText();
		long number = Long.parseLong(taken.substring(taken.lastIndexOf('-') + 1));
		jdbc.execute("alter sequence case_no_seq restart with " + number);
		int cases = caseCount();

		Answer next = open(Reports.repairJson("wx-" + UUID.randomUUID()));

		assertThat(next.status()).as("%s", next.body()).isEqualTo(201);
		String caseNo = next.body().get("caseNo").asText();
		assertThat(Long.parseLong(caseNo.substring(caseNo.lastIndexOf('-') + 1))).isGreaterThan(number);
		assertThat(caseCount()).isEqualTo(cases + 1);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isPositive();
	}

	@Test
	void concurrentReplaysMakeOneCase() throws Exception {
		String externalId = "wx-" + UUID.randomUUID();
		String body = Reports.repairJson(externalId);
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return open(body);
				}));
			}
			start.countDown();
			List<Answer> results = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				results.add(answer.get());
			}

			assertThat(results).extracting(Answer::status).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
			assertThat(results).extracting(a -> a.body().get("caseNo").asText()).containsOnly(
					results.get(0).body().get("caseNo").asText());
			assertThat(jdbc.queryForObject("select count(*) from case_record where external_id = ?", Integer.class,
					externalId)).isOne();
			assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("repair")
					.processInstanceBusinessKey(results.get(0).body().get("caseNo").asText()).count()).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	static Stream<Arguments> badReports() {
		return Stream.of(
				Arguments.of("type", null), Arguments.of("type", "parcel"),
				Arguments.of("channel", null), Arguments.of("channel", "sms"),
				Arguments.of("externalId", null), Arguments.of("externalId", "x".repeat(129)),
				Arguments.of("reporter.name", null), Arguments.of("reporter.phone", null),
				Arguments.of("reporter.phone", "call me"), Arguments.of("reporter.phone", "12800000000"),
				Arguments.of("reporter.phone", "1380000000"), Arguments.of("reporter.phone", "+1 415 555 0100"),
				Arguments.of("building", null), Arguments.of("building", "99"),
				Arguments.of("unit", "9-999"), Arguments.of("unit", "1-101"),
				Arguments.of("category", null), Arguments.of("category", "roof"),
				Arguments.of("description", null), Arguments.of("description", " "),
				Arguments.of("description", "漏".repeat(2001)),
				Arguments.of("callbackUrl", "http://evil.example.com/hook"),
				Arguments.of("callbackUrl", "ftp://127.0.0.1/hook"), Arguments.of("callbackUrl", "not a url"),
				Arguments.of("callbackUrl", "http://user:pass@127.0.0.1/hook"),
				Arguments.of("callbackUrl", "http://localhost:0/hook"), Arguments.of("callbackUrl", "http://127.0.0.1:65536/hook"),
				Arguments.of("callbackUrl", "http://localhost:99999/hook"), Arguments.of("callbackUrl", "http://127.1:18701/hook"),
				Arguments.of("callbackUrl", "http://127.0.0.1:8o/hook"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("badReports")
	void badFieldIsNamedAndNothingIsCreated(String field, String value) throws Exception {
		ObjectNode report = (ObjectNode) json.readTree(Reports.repairJson("wx-" + UUID.randomUUID()));
		ObjectNode target = field.startsWith("reporter.") ? (ObjectNode) report.get("reporter") : report;
		String name = field.substring(field.indexOf('.') + 1);
		if (value == null) {
			target.remove(name);
		}
		else {
			target.put(name, value);
		}
		int before = caseCount();
		long instances = runtimeService.createProcessInstanceQuery().count();

		Answer answer = open(report.toString());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		answer.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		assertThat(fields).contains(field);
		assertThat(answer.body().get("detail").asText()).contains(field);
		assertThat(caseCount()).isEqualTo(before);
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void aBuildingAUnitAndAPhoneAsPeopleWriteThemOpenTheCaseOnTheEstatesBuildingAndUnitAndOnePhone() throws Exception {
		ObjectNode report = (ObjectNode) json.readTree(Reports.repairJson("wx-" + UUID.randomUUID()));
		report.put("building", " ５号楼 ").put("unit", "5-0301");
		((ObjectNode) report.get("reporter")).put("phone", "+86 138-0000-0000");

		Answer answer = open(report.toString());

		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
		String caseNo = answer.body().get("caseNo").asText();
		assertThat(jdbc.queryForMap("select building_code, unit_code, reporter_phone from case_record where case_no = ?", caseNo))
				.containsEntry("BUILDING_CODE", "5").containsEntry("UNIT_CODE", "5-301").containsEntry("REPORTER_PHONE", "13800000000");
		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo)
				.singleResult().getId();
		assertThat(runtimeService.getVariable(instance, "building")).isEqualTo("5");
	}

	/**
	 * More reports at once than the pool has connections (ten): each is answered promptly. Looking for a repeat fault
	 * after an intake's commit once took a second connection while still holding the first, so ten intakes at once
	 * emptied the pool and waited out its 30-second timeout, answering 500.
	 */
	@Test
	void moreReportsAtOnceThanThePoolHasConnectionsAreEachAnsweredPromptly() throws Exception {
		List<String> units = new ArrayList<>();
		for (int floor = 1; floor <= 12; floor++) {
			units.add("4-" + floor + "02"); // units few other tests report on: no repeat fault flags here
			units.add("4-" + floor + (floor == 3 ? "02" : "01"));
		}
		units = units.stream().distinct().toList();
		ExecutorService channels = Executors.newFixedThreadPool(units.size());
		CountDownLatch together = new CountDownLatch(1);
		List<Future<long[]>> answers = new ArrayList<>();
		for (String unit : units) {
			ObjectNode report = (ObjectNode) json.readTree(Reports.repairJson("wx-" + UUID.randomUUID()));
			report.put("building", "4").put("unit", unit).put("description", "卫生间水龙头一直滴水").remove("callbackUrl");
			answers.add(channels.submit(() -> {
				together.await();
				long sent = System.nanoTime();
				int status = open(report.toString()).status();
				return new long[] { status, (System.nanoTime() - sent) / 1_000_000 };
			}));
		}
		together.countDown();
		for (Future<long[]> answer : answers) {
			long[] statusAndMillis = answer.get();
			assertThat(statusAndMillis[0]).isEqualTo(201);
			assertThat(statusAndMillis[1]).as("milliseconds until answered").isLessThan(15_000);
		}
		channels.shutdown();
	}

	/**
	 * Every pooled connection busy (overload, or a database away): a report waits the pool's connection timeout, then
	 * answers 503 with Retry-After and nothing is created; the engine's REST API answers the same way.
	 */
	@Test
	void withNoDatabaseConnectionToBeHadAReportIsAnswered503AtOnceAndNothingIsCreated() throws Exception {
		int before = caseCount();
		HikariDataSource pool = (HikariDataSource) dataSource;
		List<Connection> held = new ArrayList<>();
		Answer report;
		Answer tasks;
		long waited;
		try {
			while (held.size() < pool.getMaximumPoolSize()) {
				held.add(pool.getConnection());
			}
			long sent = System.nanoTime();
			report = open(Reports.repairJson("wx-" + UUID.randomUUID()));
			waited = (System.nanoTime() - sent) / 1_000_000;
			tasks = call("GET", "/engine-rest/task?maxResults=5", null, "Authorization", basic("agent"));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}

		assertThat(report.status()).isEqualTo(503);
		assertThat(report.contentType()).startsWith("application/problem+json");
		assertThat(report.body().get("detail").asText()).contains("请求未被受理");
		assertThat(waited).as("milliseconds until answered").isLessThan(15_000);
		assertThat(tasks.status()).isEqualTo(503);
		assertThat(caseCount()).isEqualTo(before);
		assertThat(open(Reports.repairJson("wx-" + UUID.randomUUID())).status()).as("once connections are free").isEqualTo(201);
	}

	/** A department's user may not open cases: the engine refuses, and the answer says so (403), not 500. */
	@Test
	void aTechnicianOpeningACaseIsRefusedWith403AndNothingIsCreated() throws Exception {
		int before = caseCount();

		Answer answer = call("POST", "/api/cases", Reports.repairJson("ph-" + UUID.randomUUID()), "Authorization",
				basic("engineer"));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("detail").asText()).contains("无权");
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void aBadPhoneIsA400NamingReporterPhoneWithTheRule() throws Exception {
		ObjectNode report = (ObjectNode) json.readTree(Reports.repairJson("wx-" + UUID.randomUUID()));
		((ObjectNode) report.get("reporter")).put("phone", "138-0000");

		Answer answer = open(report.toString());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("reporter.phone");
		assertThat(answer.body().get("errors").get(0).get("message").asText()).contains("手机号").contains("座机号");
	}

	@Test
	void everyBadFieldIsNamedAtOnce() throws Exception {
		Answer answer = open("""
				{ "type": "repair", "channel": "wechat", "externalId": "wx-many",
				  "reporter": {"phone": "x"}, "building": "99", "description": "" }""");

		assertThat(answer.status()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		answer.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		assertThat(fields).containsExactlyInAnyOrder("reporter.name", "reporter.phone", "building", "category",
				"description");
	}

	@Test
	void malformedJsonIsAProblemNotACrash() throws Exception {
		int before = caseCount();

		Answer answer = open("{ \"type\": \"repair\", ");
		Answer wrongShape = open("{ \"type\": \"repair\", \"reporter\": \"王女士\" }");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(wrongShape.status()).isEqualTo(400);
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void wrongOrMissingCredentialsAre401() throws Exception {
		String body = Reports.repairJson("wx-" + UUID.randomUUID());

		Answer wrongKey = call("POST", "/api/cases", body, "X-Api-Key", "guess");
		Answer none = call("POST", "/api/cases", body);
		// cleaner: no other test logs in as them over HTTP; Camunda's login throttling locks a user out for seconds
		Answer wrongPassword = call("GET", "/api/cases/R-20261127-0001", null, "Authorization",
				ApiClient.basic("cleaner", "wrong"));

		for (Answer answer : List.of(wrongKey, none, wrongPassword)) {
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void wrongTrackingTokenIsRefused() throws Exception {
		String caseNo = open(Reports.repairJson("wx-" + UUID.randomUUID())).body().get("caseNo").asText();

		Answer answer = call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", "not-the-token");

		// the same answer as for a case that does not exist, so case numbers cannot be probed
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().toString()).doesNotContain(caseNo + "\",\"type");
	}

	@Test
	void ownerTokenCannotOpenCases() throws Exception {
		Answer answer = call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()), "X-Tracking-Token", "abc");

		assertThat(answer.status()).isEqualTo(403);
	}

	@Test
	void unknownCaseIs404() throws Exception {
		Answer answer = call("GET", "/api/cases/R-19990101-0001", null, "Authorization", basic("agent"));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anInquiryTheKnowledgeBaseKnowsIsAnsweredInTheResponse() throws Exception {
		Answer answer = open("""
				{ "type": "inquiry", "channel": "wechat", "externalId": "wx-%s",
				  "reporter": {"name": "李先生", "phone": "13900000000"},
				  "description": "物业费可以微信支付吗" }""".formatted(UUID.randomUUID()));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.body().get("status").asText()).isEqualTo("closed");
		assertThat(answer.body().get("statusLabel").asText()).isEqualTo("已办结");
		assertThat(answer.body().get("answer").asText()).contains("在线支付");
		String caseNo = answer.body().get("caseNo").asText();
		String token = answer.body().get("trackingToken").asText();
		Answer owner = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token);
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.body().get("answer").asText()).contains("在线支付");
		assertThat(owner.body().get("typeLabel").asText()).isEqualTo("咨询");
		assertThat(api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token + "x").status()).isEqualTo(404);
	}

	@Test
	void anInquiryWithAnUnknownCategoryIsRefusedNamingTheField() throws Exception {
		int before = caseCount();

		Answer answer = open("""
				{ "type": "inquiry", "channel": "app", "externalId": "app-%s",
				  "reporter": {"name": "李先生", "phone": "13900000000"},
				  "category": "weather", "description": "明天下雨吗" }""".formatted(UUID.randomUUID()));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().toString()).contains("category");
		assertThat(caseCount()).isEqualTo(before);
	}


	@Test
	void ownerGivesFeedbackOnceTheRepairIsResolved() throws Exception {
		JsonNode receipt = open(Reports.repairJson("wx-" + UUID.randomUUID())).body();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		String path = "/api/cases/" + caseNo + "/feedback";

		Answer tooEarly = call("POST", path, "{\"score\": 5}", "X-Tracking-Token", token);
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.contentType()).startsWith("application/problem+json");
		assertThat(tooEarly.body().get("detail").asText()).contains("处理中");

		for (String step : List.of("accept", "repair", "acceptance")) {
			var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo)
					.singleResult();
			taskService.complete(task.getId(), switch (step) {
				case "accept" -> Map.of("eta", "10 分钟");
				case "repair" -> Map.of("diagnosis", "接头破裂", "repairOutcome", "done", "workDone", "更换接头");
				default -> Map.of("accepted", true);
			});
		}
		Answer badScore = call("POST", path, "{\"score\": 6}", "X-Tracking-Token", token);
		Answer wrongToken = call("POST", path, "{\"score\": 5}", "X-Tracking-Token", "guess");
		Answer byChannel = call("POST", path, "{\"score\": 5}", "X-Api-Key", "demo");
		Answer given = call("POST", path, "{\"score\": 4, \"comment\": \"及时\"}", "X-Tracking-Token", token);
		Answer again = call("POST", path, "{\"score\": 1}", "X-Tracking-Token", token);

		assertThat(badScore.status()).isEqualTo(400);
		assertThat(badScore.body().get("errors").get(0).get("field").asText()).isEqualTo("score");
		assertThat(wrongToken.status()).isEqualTo(404);
		assertThat(byChannel.status()).isEqualTo(403);
		assertThat(given.status()).isEqualTo(200);
		assertThat(given.body().get("status").asText()).isEqualTo("closed");
		assertThat(again.status()).isEqualTo(409);
	}


	@Test
	void channelOpensAComplaintWithTheOwnersDemand() throws Exception {
		Answer answer = open("""
				{ "type": "complaint", "channel": "app", "externalId": "app-%s",
				  "reporter": {"name": "李先生", "phone": "13900000000"}, "building": "4", "unit": "4-1502",
				  "category": "noise", "description": "楼下装修每天早上七点就开始电钻",
				  "demand": "要求物业督促装修队按规定时间施工", "subject": "2-1402 装修队" }""".formatted(UUID.randomUUID()));
		Answer badCategory = open("""
				{ "type": "complaint", "channel": "app", "externalId": "app-%s",
				  "reporter": {"name": "李先生", "phone": "13900000000"}, "category": "weather", "description": "x" }"""
				.formatted(UUID.randomUUID()));
		Answer badDemand = open("""
				{ "type": "complaint", "channel": "app", "externalId": "app-%s",
				  "reporter": {"name": "李先生", "phone": "13900000000"}, "description": "x",
				  "demand": "%s", "subject": "装修队\\n物业" }""".formatted(UUID.randomUUID(), "要".repeat(1001)));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.body().get("caseNo").asText()).startsWith("C-");
		assertThat(answer.body().get("dueAt").asText()).as("first response within 24 h").startsWith("2026-11-28T10:00");
		String caseNo = answer.body().get("caseNo").asText();
		String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint")
				.processInstanceBusinessKey(caseNo).singleResult().getId();
		assertThat(runtimeService.getVariable(instance, "demand")).isEqualTo("要求物业督促装修队按规定时间施工");
		assertThat(runtimeService.getVariable(instance, "subject")).isEqualTo("2-1402 装修队");
		assertThat(badCategory.status()).isEqualTo(400);
		assertThat(badCategory.body().get("errors").get(0).get("field").asText()).isEqualTo("category");
		assertThat(badDemand.status()).isEqualTo(400);
		assertThat(badDemand.body().get("errors").findValuesAsText("field")).containsExactly("demand", "subject");
		assertThat(badDemand.body().get("errors").findValuesAsText("message")).containsExactly("最长 1000 个字符，收到 1001 个", "不能含控制字符或换行，位置 4");
	}


	/** A report of each type that pages someone with its description: repair, major complaint, emergency, urgent inquiry. */
	static Stream<Arguments> pagingReports() {
		return Stream.of(
				Arguments.of("repair", "plumbing", "3", "厨房水管爆裂"),
				Arguments.of("complaint", "safety", "3", "消防通道被堵"),
				Arguments.of("emergency", "burst-pipe", "3", "地下室爆管"),
				Arguments.of("inquiry", null, null, "楼道里有燃气味怎么办"));
	}

	private ObjectNode report(String type, String category, String building, String description, String callbackUrl)
			throws Exception {
		ObjectNode report = (ObjectNode) json.readTree(Reports.repairJson("wx-" + UUID.randomUUID()));
		report.put("type", type);
		report.remove(List.of("unit", "category", "building"));
		if (category != null) {
			report.put("category", category);
		}
		if (building != null) {
			report.put("building", building);
		}
		report.put("description", description);
		report.put("callbackUrl", callbackUrl);
		return report;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pagingReports")
	void theLongestReportIsStoredWholeAndOneCharacterMoreIsRefused(String type, String category, String building,
			String words) throws Exception {
		String description = words + "，" + "漏".repeat(2000 - words.length() - 1);
		String prefix = "http://127.0.0.1:9/hooks/";
		String callbackUrl = prefix + "a".repeat(500 - prefix.length());

		Answer longest = open(report(type, category, building, description, callbackUrl).toString());

		assertThat(longest.status()).isEqualTo(201);
		String caseNo = longest.body().get("caseNo").asText();
		assertThat(jdbc.queryForObject("select description from case_record where case_no = ?", String.class, caseNo))
				.isEqualTo(description);
		assertThat(jdbc.queryForObject("select callback_url from case_record where case_no = ?", String.class, caseNo))
				.isEqualTo(callbackUrl);
		// the page names the case and the start of the report, shortened to what a page holds
		List<String> pages = jdbc.queryForList("select text from notification where case_no = ? and kind = 'PAGE'",
				String.class, caseNo);
		assertThat(pages).isNotEmpty().allSatisfy(text -> {
			assertThat(text).contains(caseNo, words).endsWith("…");
			assertThat(text.length()).isLessThanOrEqualTo(1000);
		});

		int before = caseCount();
		long instances = runtimeService.createProcessInstanceQuery().count();
		Answer longDescription = open(report(type, category, building, description + "漏", callbackUrl).toString());
		Answer longCallback = open(report(type, category, building, description, callbackUrl + "a").toString());

		assertThat(longDescription.status()).isEqualTo(400);
		assertThat(longDescription.contentType()).startsWith("application/problem+json");
		assertThat(longDescription.body().get("errors").findValuesAsText("field")).containsExactly("description");
		assertThat(longDescription.body().get("detail").asText()).contains("2000");
		assertThat(longCallback.status()).isEqualTo(400);
		assertThat(longCallback.body().get("errors").findValuesAsText("field")).containsExactly("callbackUrl");
		assertThat(longCallback.body().get("detail").asText()).contains("500");
		assertThat(caseCount()).isEqualTo(before);
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pagingReports")
	void everyTextFieldAtItsLimitIsAccepted(String type, String category, String building, String words)
			throws Exception {
		ObjectNode report = report(type, category, building, words, "http://127.0.0.1:9/hooks/case");
		report.put("externalId", "x".repeat(92) + UUID.randomUUID());
		((ObjectNode) report.get("reporter")).put("name", "王".repeat(64));
		if (type.equals("complaint")) {
			report.put("demand", "要".repeat(1000));
			report.put("subject", "物".repeat(200));
		}

		Answer answer = open(report.toString());

		assertThat(answer.status()).isEqualTo(201);
		String caseNo = answer.body().get("caseNo").asText();
		assertThat(jdbc.queryForObject("select reporter_name from case_record where case_no = ?", String.class, caseNo))
				.isEqualTo("王".repeat(64));
	}

	/** Input a lenient reader would take, each with the field the answer must name. */
	static Stream<Arguments> lenientReports() {
		String report = Reports.repairJson("wx-lenient").strip();
		return Stream.of(
				Arguments.of("trailing garbage", "body", report + " x"),
				Arguments.of("a second object", "body", report + " {}"),
				Arguments.of("a number for a name", "reporter.name", report.replace("\"王女士\"", "123")),
				Arguments.of("a boolean for a description", "description",
						report.replace("\"厨房水管爆裂，漏水严重\"", "true")),
				Arguments.of("a number for a building", "building", report.replace("\"building\": \"3\"", "\"building\": 3")),
				Arguments.of("an object for a string", "description",
						report.replace("\"厨房水管爆裂，漏水严重\"", "{\"text\": \"漏水\"}")),
				Arguments.of("a case number chosen by the caller", "caseNo",
						report.replace("{ \"type\"", "{ \"caseNo\": \"R-20260101-0001\", \"type\"")),
				Arguments.of("a complaint's demand on a repair", "demand",
						report.replace("{ \"type\"", "{ \"demand\": \"赔偿\", \"type\"")),
				Arguments.of("a complaint's subject on a repair", "subject",
						report.replace("{ \"type\"", "{ \"subject\": \"保安\", \"type\"")),
				Arguments.of("a status chosen by the caller", "status",
						report.replace("{ \"type\"", "{ \"status\": \"closed\", \"type\"")),
				Arguments.of("an unknown field of the reporter", "reporter.idCard",
						report.replace("\"phone\": \"13800000000\"", "\"phone\": \"13800000000\", \"idCard\": \"1\"")),
				Arguments.of("a field given twice", "type", report.replace("{ \"type\": \"repair\",",
						"{ \"type\": \"repair\", \"type\": \"emergency\",")),
				Arguments.of("a NUL in the description", "description", report.replace("漏水严重", "漏水\\u0000严重")),
				Arguments.of("a control character in the name", "reporter.name", report.replace("王女士", "王\\u0007女士")),
				Arguments.of("a NUL in the external id", "externalId", report.replace("wx-lenient", "wx-\\u0000")),
				Arguments.of("a name of zero-width spaces", "reporter.name", report.replace("王女士", "\\u200B\\u200B")),
				Arguments.of("a name of a byte order mark and spaces", "reporter.name", report.replace("王女士", "\\uFEFF \\u3000")),
				Arguments.of("a description of zero-width characters", "description",
						report.replace("厨房水管爆裂，漏水严重", "\\u200B\\u200C\\u200D\\u2060")),
				Arguments.of("a lone surrogate", "description", report.replace("漏水严重", "漏水\\uD800严重")),
				Arguments.of("a name of combining marks only", "reporter.name", report.replace("王女士", "\\u0301\\u0301")),
				Arguments.of("a name of private-use characters only", "reporter.name",
						report.replace("王女士", "\\uE000\\uF8FF")),
				Arguments.of("a description of non-characters", "description",
						report.replace("厨房水管爆裂，漏水严重", "\\uFFFF\\uFFFE")),
				Arguments.of("a non-character inside a description", "description",
						report.replace("漏水严重", "漏水\\uFDD0严重")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lenientReports")
	void lenientInputIsRefusedNamingTheField(String what, String field, String body) throws Exception {
		int before = caseCount();
		long instances = runtimeService.createProcessInstanceQuery().count();

		Answer answer = open(body.replace("wx-lenient", "wx-" + UUID.randomUUID()));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").findValuesAsText("field")).contains(field);
		assertThat(answer.body().get("detail").asText()).contains(field);
		assertThat(caseCount()).isEqualTo(before);
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void combiningMarksOnLettersAreAccepted() throws Exception {
		Answer answer = open(Reports.repairJson("wx-" + UUID.randomUUID()).replace("王女士", "Zoe\\u0301 王"));

		assertThat(answer.status()).isEqualTo(201);
	}

	@Test
	void aMultiLineDescriptionIsAccepted() throws Exception {
		Answer answer = open(Reports.repairJson("wx-" + UUID.randomUUID()).replace("漏水严重", "漏水严重\\r\\n\\t阀门在厨房"));

		assertThat(answer.status()).isEqualTo(201);
	}

	@Test
	void feedbackIsReadStrictly() throws Exception {
		JsonNode receipt = open(Reports.repairJson("wx-" + UUID.randomUUID())).body();
		String path = "/api/cases/" + receipt.get("caseNo").asText() + "/feedback";
		String token = receipt.get("trackingToken").asText();
		long events = jdbc.queryForObject("select count(*) from case_event", Long.class);

		for (var bad : Map.of("{\"score\": 2.5}", "score", "{\"score\": \"5\"}", "score", "{\"score\": true}", "score",
				"{\"score\": 5, \"comment\": 5}", "comment", "{\"score\": 5, \"comment\": \"好\\u0000\"}", "comment",
				"{\"score\": 5, \"stars\": 5}", "stars", "{\"score\": 5} 1", "body").entrySet()) {
			Answer answer = call("POST", path, bad.getKey(), "X-Tracking-Token", token);

			assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body().get("errors").findValuesAsText("field")).as(bad.getKey()).contains(bad.getValue());
		}
		assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isEqualTo(events);
	}

}
