package com.propdesk.worklog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.Work;

/** {@code /api/worklogs}, {@code /api/duty-plans} and {@code /api/uploads} over real HTTP. */
@PropDeskTest
class WorkLogApiTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RoundPlanner planner;

	ApiClient api;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		Work.deleteRunningInstances(runtime);
		jdbc.update("update duty_plan set active = false");
	}

	@AfterEach
	void clean() {
		Work.deleteRunningInstances(runtime);
		// nothing of this test's plans is planned again by another class's jobs
		jdbc.update("update duty_plan set active = false");
		TestClock.reset();
	}

	private Answer post(String user, String path, String body) throws Exception {
		return api.call("POST", path, body, "Authorization", ApiClient.basic(user));
	}

	private static String now() {
		return com.propdesk.system.Clock.now().withNano(0).toString();
	}

	private record Raw(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
	}

	/** A multipart upload as a phone's browser sends it. */
	private Raw upload(String user, String fileName, String declaredType, byte[] content, String purpose) throws Exception {
		String boundary = "----propdesk" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (purpose != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		}
		if (content != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/uploads"))
				.header("Authorization", ApiClient.basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
				response.headers());
	}

	private JsonNode jsonOf(Raw raw) throws Exception {
		return json.readTree(raw.body());
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").findValuesAsText("field");
	}

	@Test
	void aPhotoIsJudgedByItsContentAndServedBackAsStored() throws Exception {
		Raw stored = upload("cleaner", "corridor.jpg", "image/jpeg", PNG, "photo");
		assertThat(stored.status()).isEqualTo(201);
		JsonNode answer = jsonOf(stored);
		assertThat(answer.path("contentType").asText()).as("a .jpg name does not make PNG bytes a JPEG").isEqualTo("image/png");
		assertThat(answer.path("size").asInt()).isEqualTo(PNG.length);
		assertThat(answer.path("sha256").asText()).hasSize(64);

		HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/uploads/" + answer.path("id").asText()))
				.header("Authorization", ApiClient.basic("auditor")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(PNG);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
		assertThat(served.headers().firstValue("Content-Disposition")).hasValue("inline");
		assertThat(api.call("GET", "/api/uploads/" + answer.path("id").asText(), null).status()).isEqualTo(401);
	}

	@Test
	void anUploadThatIsNoPhotoTooBigOrMissingIsABadFile() throws Exception {
		Raw text = upload("cleaner", "photo.jpg", "image/jpeg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "photo");
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.contentType()).startsWith("application/problem+json");
		assertThat(fields(jsonOf(text))).containsExactly("file");

		byte[] big = Arrays.copyOf(JPEG, 2 * 1024 * 1024 + 10);
		Raw tooBig = upload("cleaner", "big.jpg", "image/jpeg", big, "photo");
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.contentType()).startsWith("application/problem+json");
		assertThat(fields(jsonOf(tooBig))).containsExactly("file");

		Raw missing = upload("cleaner", null, null, null, "photo");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(jsonOf(missing))).containsExactly("file");

		Raw noPurpose = upload("cleaner", "a.jpg", "image/jpeg", JPEG, "evidence-of-nothing");
		assertThat(noPurpose.status()).isEqualTo(400);
		assertThat(fields(jsonOf(noPurpose))).containsExactly("purpose");
		assertThat(jdbc.queryForObject("select count(*) from upload where uploaded_by = 'cleaner' and content_type <> 'image/png'",
				Integer.class)).isZero();
	}

	@Test
	void badInputNamesEachFieldAndStoresNothing() throws Exception {
		int before = jdbc.queryForObject("select count(*) from work_log", Integer.class);
		Answer answer = post("manager", "/api/worklogs", """
				{"duty": "sweeping", "building": "99", "location": "a\\u0000b", "doneAt": "yesterday",
				 "notes": "%s", "photos": ["no-such-upload"], "clientId": "%s"}""".formatted("长".repeat(2001), "x".repeat(65)));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(fields(answer.body())).containsExactlyInAnyOrder("duty", "building", "location", "doneAt", "notes",
				"photos[0]", "clientId");

		Answer future = post("cleaner", "/api/worklogs", """
				{"duty": "corridor-cleaning", "building": "1", "doneAt": "%s"}""".formatted(
				com.propdesk.system.Clock.now().plusHours(1)));
		assertThat(fields(future.body())).containsExactly("doneAt");
		Answer old = post("cleaner", "/api/worklogs", """
				{"duty": "corridor-cleaning", "building": "1", "doneAt": "%s"}""".formatted(
				com.propdesk.system.Clock.now().minusDays(8)));
		assertThat(fields(old.body())).containsExactly("doneAt");
		Answer noOffset = post("cleaner", "/api/worklogs", """
				{"duty": "corridor-cleaning", "building": "1", "doneAt": "2026-11-27T09:00"}""");
		assertThat(fields(noOffset.body())).containsExactly("doneAt");
		assertThat(jdbc.queryForObject("select count(*) from work_log", Integer.class)).isEqualTo(before);
	}

	@Test
	void theSameClientIdAgainAnswersTheFirstRecord() throws Exception {
		String photo = jsonOf(upload("cleaner", "p.webp", "image/webp", JPEG, "photo")).path("id").asText();
		String body = """
				{"duty": "corridor-cleaning", "building": "2", "location": "3 层", "doneAt": "%s", "notes": "已拖地",
				 "photos": ["%s"], "clientId": "phone-42"}""".formatted(now(), photo);
		Answer first = post("cleaner", "/api/worklogs", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.body().path("recordedBy").asText()).isEqualTo("cleaner");
		assertThat(first.body().path("photos").get(0).asText()).isEqualTo("/api/uploads/" + photo);
		Answer again = post("cleaner", "/api/worklogs", body);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
		assertThat(jdbc.queryForObject("select count(*) from work_log where client_id = 'phone-42'", Integer.class)).isEqualTo(1);

		Answer read = api.call("GET", "/api/worklogs/" + first.body().path("id").asLong(), null, "Authorization",
				ApiClient.basic("auditor"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().path("dutyLabel").asText()).isEqualTo("楼道保洁");
		Answer list = api.call("GET", "/api/worklogs?building=2&duty=corridor-cleaning", null, "Authorization",
				ApiClient.basic("manager"));
		assertThat(list.body().findValuesAsText("clientId")).contains("phone-42");

		// the photo is this log's evidence: not another log's, and never someone else's
		Answer reused = post("cleaner", "/api/worklogs", """
				{"duty": "corridor-cleaning", "building": "2", "doneAt": "%s", "photos": ["%s"]}""".formatted(now(), photo));
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.body().toString()).contains("photos[0]", "已附在另一条工作记录上");
		String agents = jsonOf(upload("agent", "a.png", "image/png", PNG, "photo")).path("id").asText();
		Answer borrowed = post("cleaner", "/api/worklogs", """
				{"duty": "corridor-cleaning", "building": "2", "doneAt": "%s", "photos": ["%s"]}""".formatted(now(), agents));
		assertThat(borrowed.status()).isEqualTo(400);
		assertThat(borrowed.body().toString()).contains("photos[0]", "只能附自己上传的照片");
	}

	@Test
	void onlyTheDutysDepartmentOrManagementRecordsAndAuditorsOnlyRead() throws Exception {
		String patrol = """
				{"duty": "patrol", "building": "1", "doneAt": "%s"}""".formatted(now());
		assertThat(post("cleaner", "/api/worklogs", patrol).status()).isEqualTo(403);
		assertThat(post("auditor", "/api/worklogs", patrol).status()).isEqualTo(403);
		assertThat(upload("auditor", "p.png", "image/png", PNG, "photo").status()).isEqualTo(403);
		assertThat(post("guard", "/api/worklogs", patrol).status()).isEqualTo(201);
		assertThat(api.call("POST", "/api/worklogs", patrol).status()).isEqualTo(401);
		assertThat(api.call("POST", "/api/worklogs", patrol, "X-Api-Key", "demo").status()).isEqualTo(403);

		String plan = """
				{"duty": "disinfection", "building": "3", "every": "每周", "firstStart": "2026-12-07T14:00+08:00"}""";
		assertThat(post("auditor", "/api/duty-plans", plan).status()).isEqualTo(403);
		assertThat(post("cleaner", "/api/duty-plans", plan).status()).isEqualTo(403);
		Answer created = post("manager", "/api/duty-plans", plan);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().path("every").asText()).isEqualTo("P7D");
		assertThat(created.body().path("department").asText()).isEqualTo("cleaning");
		assertThat(api.call("GET", "/api/duty-plans?building=3", null, "Authorization", ApiClient.basic("auditor")).body()
				.findValuesAsText("duty")).contains("disinfection");
		Answer bad = post("manager", "/api/duty-plans", """
				{"duty": "x", "building": "1", "every": "每年两次", "window": "soon", "firstStart": "tomorrow"}""");
		assertThat(fields(bad.body())).containsExactlyInAnyOrder("duty", "every", "window", "firstStart");
		long id = created.body().path("id").asLong();
		assertThat(api.call("DELETE", "/api/duty-plans/" + id, null, "Authorization", ApiClient.basic("cleaner")).status())
				.isEqualTo(403);
		assertThat(api.call("DELETE", "/api/duty-plans/" + id, null, "Authorization", ApiClient.basic("manager")).status())
				.isEqualTo(204);
		assertThat(jdbc.queryForObject("select active from duty_plan where id = ?", Boolean.class, id)).isFalse();
	}

	/**
	 * A while ago, but today: the round list shows today's rounds by default, so a round begun before midnight (a test
	 * run just after it) would not be listed.
	 */
	static java.time.OffsetDateTime startedToday(java.time.Duration ago) {
		java.time.OffsetDateTime now = com.propdesk.system.Clock.now().withNano(0);
		java.time.OffsetDateTime midnight = now.toLocalDate().atStartOfDay(now.getOffset()).toOffsetDateTime();
		return now.minus(ago).isBefore(midnight) ? midnight : now.minus(ago);
	}

	@Test
	void aLogMatchesTheOpenRoundAndTheRoundListShowsItDone() throws Exception {
		Answer plan = post("manager", "/api/duty-plans", """
				{"duty": "equipment-inspection", "building": "4", "location": "配电间", "every": "每天", "window": "PT23H",
				 "firstStart": "%s"}""".formatted(startedToday(java.time.Duration.ofHours(1))));
		assertThat(plan.status()).isEqualTo(201);
		Answer logged = post("engineer", "/api/worklogs", """
				{"duty": "equipment-inspection", "building": "4", "doneAt": "%s"}""".formatted(now()));
		assertThat(logged.status()).isEqualTo(201);
		long roundId = logged.body().path("roundId").asLong();
		assertThat(roundId).isPositive();
		Answer rounds = api.call("GET", "/api/worklogs/rounds?department=engineering&status=done", null, "Authorization",
				ApiClient.basic("engineer"));
		assertThat(rounds.status()).isEqualTo(200);
		assertThat(rounds.body().findValues("id").stream().map(JsonNode::asLong).toList()).contains(roundId);
		assertThat(api.call("GET", "/api/worklogs/rounds?status=late", null, "Authorization", ApiClient.basic("engineer"))
				.status()).isEqualTo(400);
	}

	@Test
	void aPlanKeepsItsDutyAndBuildingOnceItHasRoundsAndItsTimesWithinReason() throws Exception {
		String start = com.propdesk.system.Clock.now().minusHours(1).withNano(0).toString();
		Answer absurd = post("manager", "/api/duty-plans", """
				{"duty": "patrol", "building": "1", "every": "P100Y", "firstStart": "2999-01-01T09:00+08:00"}""");
		assertThat(fields(absurd.body())).containsExactlyInAnyOrder("every", "firstStart");
		assertThat(fields(post("manager", "/api/duty-plans", """
				{"duty": "patrol", "building": "1", "every": "PT4H", "window": "P30D", "firstStart": "%s"}""".formatted(start))
				.body())).containsExactly("window");

		long plan = post("manager", "/api/duty-plans", """
				{"duty": "patrol", "building": "1", "location": "南门", "every": "PT4H", "firstStart": "%s"}""".formatted(start))
				.body().path("id").asLong();
		Answer moved = api.call("PUT", "/api/duty-plans/" + plan, """
				{"duty": "corridor-cleaning", "building": "3", "location": "南门", "every": "PT4H", "firstStart": "%s"}"""
				.formatted(start), "Authorization", ApiClient.basic("manager"));
		assertThat(moved.status()).isEqualTo(400);
		assertThat(fields(moved.body())).containsExactlyInAnyOrder("duty", "building");
		Answer renamed = api.call("PUT", "/api/duty-plans/" + plan, """
				{"duty": "patrol", "building": "1", "location": "南门岗亭", "every": "PT4H", "firstStart": "%s"}"""
				.formatted(start), "Authorization", ApiClient.basic("manager"));
		assertThat(renamed.status()).isEqualTo(200);
	}

	@Test
	void aLogForANamedRoundClosesThatRoundNotAnotherOneOpenAtTheSameTime() throws Exception {
		String start = com.propdesk.system.Clock.now().minusHours(1).withNano(0).toString();
		long first = post("manager", "/api/duty-plans", """
				{"duty": "pump-room", "building": "1", "location": "地下一层水泵房", "every": "每天", "window": "PT20H",
				 "firstStart": "%s"}""".formatted(start)).body().path("id").asLong();
		long second = post("manager", "/api/duty-plans", """
				{"duty": "pump-room", "building": "1", "location": "地下二层水泵房", "every": "每天", "window": "PT20H",
				 "firstStart": "%s"}""".formatted(start)).body().path("id").asLong();
		long firstRound = jdbc.queryForObject("select min(id) from duty_round where plan_id = ?", Long.class, first);
		long secondRound = jdbc.queryForObject("select min(id) from duty_round where plan_id = ?", Long.class, second);

		Answer wrongDuty = post("engineer", "/api/worklogs", """
				{"duty": "equipment-inspection", "building": "1", "doneAt": "%s", "roundId": %d}""".formatted(now(), secondRound));
		assertThat(wrongDuty.status()).isEqualTo(400);
		assertThat(fields(wrongDuty.body())).containsExactly("roundId");

		Answer logged = post("engineer", "/api/worklogs", """
				{"duty": "pump-room", "building": "1", "doneAt": "%s", "roundId": %d}""".formatted(now(), secondRound));
		assertThat(logged.status()).isEqualTo(201);
		assertThat(logged.body().path("roundId").asLong()).isEqualTo(secondRound);
		assertThat(jdbc.queryForObject("select status from duty_round where id = ?", String.class, firstRound)).isEqualTo("due");
		assertThat(jdbc.queryForObject("select status from duty_round where id = ?", String.class, secondRound)).isEqualTo("done");

		Answer again = post("engineer", "/api/worklogs", """
				{"duty": "pump-room", "building": "1", "doneAt": "%s", "roundId": %d}""".formatted(now(), secondRound));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body().toString()).contains("已完成");
	}

}
