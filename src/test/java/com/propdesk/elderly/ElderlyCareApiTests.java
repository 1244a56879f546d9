package com.propdesk.elderly;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.Work;

/**
 * {@code /api/elderly-care}: who reads and writes care records, bad input answered 400 naming each field with nothing
 * stored, phone numbers written as the registry writes them, consent recorded with the health notes.
 */
@PropDeskTest
class ElderlyCareApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	ApiClient api;

	long resident;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		jdbc.update("delete from elderly_visit");
		jdbc.update("delete from elderly_care");
		resident = jdbc.queryForObject("select id from resident where unit_code = '6-701'", Long.class);
	}

	@AfterEach
	void nothingRunning() {
		Work.deleteRunningInstances(runtime);
	}

	static final String GOOD = """
			{"contacts": [{"name": "赵小红", "relation": "女儿", "phone": "+86 139-1234-5678"}],
			 "healthNotes": "糖尿病，注射胰岛素", "healthConsent": true, "visitEvery": "每两周", "visitedBy": "security"}""";

	Answer put(String user, long id, String body) throws Exception {
		return api.call("PUT", "/api/elderly-care/" + id, body, "Authorization", basic(user), "Content-Type", "application/json");
	}

	static List<String> fields(JsonNode problem) {
		return problem.path("errors").findValuesAsText("field");
	}

	@Test
	void badInputNamesEveryFieldAndStoresNothing() throws Exception {
		Answer bad = put("agent", resident, """
				{"contacts": [{"name": "赵小红", "relation": "", "phone": "12345"}], "healthNotes": "心脏病",
				 "visitEvery": "每天", "visitedBy": "engineering"}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(fields(bad.body())).containsExactlyInAnyOrder("contacts[0].relation", "contacts[0].phone", "healthConsent",
				"visitEvery", "visitedBy");
		assertThat(fields(put("agent", resident, "{\"visitEvery\": \"P1W\", \"visitedBy\": \"service-desk\"}").body()))
				.containsExactly("contacts");
		assertThat(jdbc.queryForObject("select count(*) from elderly_care", Integer.class)).isZero();

		long notAlone = jdbc.queryForObject("select id from resident where unit_code = '6-702'", Long.class);
		Answer flagged = put("agent", notAlone, GOOD);
		assertThat(flagged.status()).isEqualTo(400);
		assertThat(fields(flagged.body())).containsExactly("residentId");
		assertThat(put("agent", 999999, GOOD).status()).isEqualTo(404);
	}

	@Test
	void theDeskKeepsARecordEveryoneOnDutyReadsItAndItsVisitsStart() throws Exception {
		Answer created = put("agent", resident, GOOD);
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		JsonNode record = created.body();
		assertThat(record.path("contacts").get(0).path("phone").asText()).isEqualTo("13912345678");
		assertThat(record.path("visitEvery").asText()).isEqualTo("P2W");
		assertThat(record.path("visitEveryLabel").asText()).isEqualTo("每两周");
		assertThat(record.path("healthConsent").asBoolean()).isTrue();
		assertThat(record.path("consentRecordedBy").asText()).isEqualTo("agent");
		assertThat(record.path("nextVisit").path("status").asText()).isEqualTo("due");

		assertThat(put("manager", resident, GOOD.replace("每两周", "P1M")).status()).isEqualTo(200);
		for (String reader : List.of("agent", "guard", "duty", "manager")) {
			Answer read = api.call("GET", "/api/elderly-care/" + resident, null, "Authorization", basic(reader));
			assertThat(read.status()).as(reader).isEqualTo(200);
			assertThat(read.body().path("visitEvery").asText()).isEqualTo("P1M");
		}
		assertThat(api.call("GET", "/api/elderly-care?building=6", null, "Authorization", basic("duty")).body().size()).isOne();
		assertThat(api.call("GET", "/api/elderly-care/" + resident + "/visits", null, "Authorization", basic("guard")).body().size())
				.isOne();
		assertThat(api.call("GET", "/api/elderly-care/" + resident, null, "Authorization", basic("engineer")).status()).isEqualTo(403);
		assertThat(put("guard", resident, GOOD).status()).as("security reads, does not write").isEqualTo(403);

		assertThat(api.call("DELETE", "/api/elderly-care/" + resident, null, "Authorization", basic("agent")).status()).isEqualTo(204);
		assertThat(api.call("GET", "/api/elderly-care", null, "Authorization", basic("agent")).body().size()).isZero();
	}

}
