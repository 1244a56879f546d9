package com.propdesk.notify;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.TaskService;
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

/** {@code POST /api/cases/{caseNo}/urge}: the owner and the desk chase a case, and whoever holds it is paged. */
@PropDeskTest
@AtDayShift
class UrgeApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private JsonNode openRepair() throws Exception {
		return api.call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()), "X-Api-Key", "demo").body();
	}

	private List<String> pagesTo(String caseNo, String recipient) {
		return jdbc.queryForList("select text from notification where case_no = ? and kind = 'PAGE' and recipient = ? "
				+ "and event_id like 'urge-%' order by id", String.class, caseNo, recipient);
	}

	private List<String> urgedLines(String caseNo) {
		return jdbc.queryForList("select actor || ':' || message from case_event where case_no = ? and kind = 'urged' order by id",
				String.class, caseNo);
	}

	@Test
	void ownerUrgesOnceAnHourAndTheTechnicianIsPaged() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		String path = "/api/cases/" + caseNo + "/urge";

		Answer first = api.call("POST", path, null, "X-Tracking-Token", token);
		HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody())
				.header("X-Tracking-Token", token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(first.status()).isEqualTo(200);
		// building 3 is in zone A; of the day shift only 王师傅 (engineer) is in zone A, and the repair is his
		assertThat(first.body().get("paged").get(0).asText()).isEqualTo("engineer");
		assertThat(first.body().get("escalated").asBoolean()).isFalse();
		assertThat(first.body().get("nextOwnerUrgeAt").asText()).startsWith("2026-11-27T11:00");
		assertThat(pagesTo(caseNo, "engineer")).singleElement().asString().contains("催办", caseNo, "业主");
		assertThat(urgedLines(caseNo)).containsExactly("owner:业主催办");

		assertThat(again.statusCode()).isEqualTo(429);
		assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(again.headers().firstValue("Retry-After")).hasValue("3600");
		assertThat(again.body()).contains("每小时只能催办一次");
		assertThat(pagesTo(caseNo, "engineer")).hasSize(1);

		TestClock.advance(Duration.ofMinutes(61));
		assertThat(api.call("POST", path, null, "X-Tracking-Token", token).status()).isEqualTo(200);
		assertThat(pagesTo(caseNo, "engineer")).hasSize(2);
	}

	@Test
	void staffUrgeWithANoteAndTheThirdUrgeAlsoPagesTheDutyOfficer() throws Exception {
		String caseNo = openRepair().get("caseNo").asText();
		String path = "/api/cases/" + caseNo + "/urge";

		Answer byAgent = api.call("POST", path, "{\"note\": \"业主来电，说水还在漏\"}", "Authorization", basic("agent"));
		Answer byManager = api.call("POST", path, null, "Authorization", basic("manager"));
		Answer third = api.call("POST", path, "{}", "Authorization", basic("duty"));
		Answer byTechnician = api.call("POST", path, null, "Authorization", basic("engineer"));
		Answer byChannel = api.call("POST", path, null, "X-Api-Key", "demo");

		assertThat(byAgent.status()).isEqualTo(200);
		assertThat(byAgent.body().get("count").asInt()).isEqualTo(1);
		assertThat(byManager.body().get("escalated").asBoolean()).isFalse();
		assertThat(third.status()).isEqualTo(200);
		assertThat(third.body().get("count").asInt()).isEqualTo(3);
		assertThat(third.body().get("escalated").asBoolean()).isTrue();
		assertThat(List.of(third.body().get("paged").get(0).asText(), third.body().get("paged").get(1).asText()))
				.containsExactly("engineer", "duty-officer");
		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(byChannel.status()).isEqualTo(403);

		assertThat(pagesTo(caseNo, "engineer")).hasSize(3).first().asString().contains("业主来电，说水还在漏");
		assertThat(pagesTo(caseNo, "duty-officer")).singleElement().asString().contains("第 3 次");
		assertThat(urgedLines(caseNo)).containsExactly("agent:催办：业主来电，说水还在漏", "manager:催办", "duty:催办");
		// the page is in the timeline too, as every page is
		JsonNode view = api.call("GET", "/api/cases/" + caseNo, null, "Authorization", basic("agent")).body();
		List<String> kinds = view.get("timeline").findValuesAsText("kind");
		assertThat(kinds).containsSubsequence("urged", "paged", "urged", "paged", "urged", "paged", "paged");
	}

	@Test
	void aClosedCaseIsNotUrgedAndAnUnknownCaseOrWrongTokenAnswers404() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		for (String step : List.of("accept", "repair", "acceptance")) {
			var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo)
					.singleResult();
			taskService.complete(task.getId(), switch (step) {
				case "accept" -> Map.of("eta", "10 分钟");
				case "repair" -> Map.of("diagnosis", "接头破裂", "repairOutcome", "done", "workDone", "更换接头");
				default -> Map.of("accepted", true);
			});
		}
		Answer awaitingRating = api.call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token", token);
		assertThat(awaitingRating.status()).isEqualTo(200);
		assertThat(awaitingRating.body().get("paged").toString()).as("no task is open while the owner's rating is "
				+ "awaited: the service desk answers the urge").isEqualTo("[\"service-desk\"]");
		assertThat(api.call("POST", "/api/cases/" + caseNo + "/feedback", "{\"score\": 5}", "X-Tracking-Token", token)
				.body().get("status").asText()).isEqualTo("closed");

		Answer closed = api.call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token", token);
		Answer wrongToken = api.call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token", "guess");
		Answer unknown = api.call("POST", "/api/cases/R-20991231-9999/urge", null, "X-Tracking-Token", token);

		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.contentType()).startsWith("application/problem+json");
		assertThat(wrongToken.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wrongToken.body().get("detail").asText().replace(caseNo, "X"))
				.isEqualTo(unknown.body().get("detail").asText().replace("R-20991231-9999", "X"));
		assertThat(urgedLines(caseNo)).as("the urge while the rating was awaited, none after the close")
				.containsExactly("owner:业主催办");
		JsonNode owner = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token).body().get("owner");
		assertThat(owner.get("mayUrge").asBoolean()).isFalse();
		assertThat(owner.get("nextUrgeAt").isNull()).as("urged within the hour, but a closed case is urged no more").isTrue();
	}

	@Test
	void theOwnersAppReadsWhatTheOwnersPageShows() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		var job = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		taskService.complete(job.getId(), Map.of("eta", Date.from(TestClock.DAY.plusMinutes(30).toInstant())));

		JsonNode owner = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token).body().get("owner");
		assertThat(owner.get("technician").asText()).isEqualTo("王师傅");
		assertThat(OffsetDateTime.parse(owner.get("eta").asText()).toInstant())
				.isEqualTo(TestClock.DAY.plusMinutes(30).toInstant());
		assertThat(owner.get("awaitingFeedback").asBoolean()).isFalse();
		assertThat(owner.get("mayUrge").asBoolean()).isTrue();
		assertThat(owner.get("hotline").asText()).isEqualTo("0571-8888 6600");
		// what the owner and the channel read of the timeline: what the owner was told, and nothing of the company's
		for (String[] reader : new String[][] { { "X-Tracking-Token", token }, { "X-Api-Key", "demo" } }) {
			JsonNode view = api.call("GET", "/api/cases/" + caseNo, null, reader).body();
			assertThat(view.get("timeline").findValuesAsText("kind")).as(reader[0]).isNotEmpty()
					.allMatch(kind -> kind.startsWith("event-"));
			assertThat(view.get("timeline").findValuesAsText("message")).as(reader[0] + ": in the words the owner was told")
					.contains("您的报修已受理，事项编号 " + caseNo).noneMatch(message -> message.startsWith("通知业主"));
			assertThat(view.get("assignee").isNull()).as(reader[0]).isTrue();
		}
		// the desk reads the same, although it may not open the technician's task
		assertThat(api.call("GET", "/api/cases/" + caseNo, null, "Authorization", basic("agent")).body().get("owner")
				.get("technician").asText()).isEqualTo("王师傅");

		api.call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token", token);
		owner = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token).body().get("owner");
		assertThat(owner.get("mayUrge").asBoolean()).isFalse();
		assertThat(OffsetDateTime.parse(owner.get("nextUrgeAt").asText()).toInstant())
				.isEqualTo(TestClock.DAY.plusHours(1).toInstant());

		// on site: the diagnosis recorded, the job paused for parts; the arrival time is past
		var work = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		taskService.complete(work.getId(), Map.of("diagnosis", "阀芯老化", "repairOutcome", "paused", "pauseReason", "partsOnOrder"));
		owner = api.call("GET", "/api/cases/" + caseNo, null, "X-Tracking-Token", token).body().get("owner");
		assertThat(owner.get("technician").asText()).isEqualTo("王师傅");
		assertThat(owner.get("eta").isNull()).as("arrived: no arrival time to wait for").isTrue();
	}

	@Test
	void anOwnerUrgingManyTimesAtOnceUrgesOnce() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		String token = receipt.get("trackingToken").asText();
		// unserialised, one in about eight such bursts let two urges through
		int tries = 20;
		var pool = Executors.newFixedThreadPool(tries);
		var start = new CountDownLatch(1);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < tries; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return new ApiClient(port).call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token", token)
							.status();
				}));
			}
			start.countDown();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(200, 429).filteredOn(s -> s == 200).hasSize(1);
		assertThat(urgedLines(caseNo)).containsExactly("owner:业主催办");
	}

}
