package com.propdesk.desk;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/** The desk's one search box and the caller's card, over real cases and the demo estate. */
@PropDeskTest
class DeskSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeLoadedCases() {
		jdbc.update("delete from case_record where case_no like 'D-TEST-%'");
	}

	private Answer search(String user, String q) throws Exception {
		return new ApiClient(port).call("GET", "/api/desk/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null,
				"Authorization", basic(user));
	}

	private String openRepair(String name, String phone, String unit) {
		return cases.open(new CaseRequest("repair", "phone", "desk-" + UUID.randomUUID(), new CaseRequest.Reporter(name, phone),
				unit.substring(0, unit.indexOf('-')), unit, "plumbing", "卫生间漏水", null)).record().caseNo();
	}

	private static List<String> caseNos(JsonNode found) {
		List<String> numbers = new ArrayList<>();
		found.get("cases").forEach(c -> numbers.add(c.get("caseNo").asText()));
		return numbers;
	}

	@Test
	void findsACaseByTheLastFourDigitsOfThePhoneWrittenAnyWay() throws Exception {
		String caseNo = openRepair("欧阳晓雯", "13955507391", "4-1502");

		for (String q : List.of("7391", "507391", "139 5550 7391", "+86 139-5550-7391")) {
			Answer found = search("agent", q);
			assertThat(found.status()).as(q).isEqualTo(200);
			assertThat(caseNos(found.body())).as(q).contains(caseNo);
		}
		JsonNode line = search("agent", "7391").body().get("cases").get(0);
		assertThat(line.get("reporter").asText()).isEqualTo("欧阳晓雯");
		assertThat(line.get("reporterPhone").asText()).isEqualTo("*******7391");
		assertThat(line.get("statusLabel").asText()).isNotBlank();
		assertThat(caseNos(search("agent", "17391").body())).as("a different number ending alike").doesNotContain(caseNo);
	}

	@Test
	void findsTheCaseNumberWhateverItsCase() throws Exception {
		String caseNo = openRepair("欧阳晓雯", "13955507391", "4-1502");
		assertThat(caseNos(search("duty", caseNo.toLowerCase()).body())).containsExactly(caseNo);
	}

	@Test
	void findsAUnitAsPeopleWriteIt() throws Exception {
		String caseNo = openRepair("欧阳晓雯", "13955507391", "3-1201");
		for (String q : List.of("3-1201", "3-01201", "3栋1201", "3号楼1201", "3号楼 1201室")) {
			JsonNode found = search("manager", q).body();
			assertThat(caseNos(found)).as(q).contains(caseNo);
			assertThat(found.get("callers")).as(q).isNotEmpty()
					.allSatisfy(c -> assertThat(c.get("unit").asText()).isEqualTo("3-1201"));
		}
		JsonNode resident = search("agent", "3-1201").body().get("callers").get(0);
		assertThat(resident.get("phone").asText()).as("the demo resident's 13800031201, masked").isEqualTo("*******1201");
	}

	@Test
	void findsAReporterOrResidentByPartOfTheName() throws Exception {
		String caseNo = openRepair("欧阳晓雯", "13955507391", "4-1502");
		assertThat(caseNos(search("agent", "晓雯").body())).contains(caseNo);

		String resident = jdbc.queryForObject("select name from resident where unit_code = '2-701'", String.class);
		JsonNode found = search("agent", resident).body();
		assertThat(found.get("callers")).anySatisfy(c -> {
			assertThat(c.get("unit").asText()).isEqualTo("2-701");
			assertThat(c.get("elderlyAlone").asBoolean()).as("7th floor, door 1: elderly living alone").isTrue();
		});
	}

	@Test
	void answersEmptyListsWhenNothingMatches() throws Exception {
		Answer found = search("agent", "无此人查无结果");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().get("callers")).isEmpty();
		assertThat(found.body().get("cases")).isEmpty();
		assertThat(found.body().get("total").asLong()).isZero();
	}

	@Test
	void pagesManyMatchesNewestFirst() throws Exception {
		OffsetDateTime start = Clock.now().minusDays(10);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			rows.add(new Object[] { "D-TEST-%04d".formatted(i), "repair", "phone", "钱多多", "13600004826", "6", "6-1802",
					"plumbing", "测试", "t", "accepted", "P3", start.plusMinutes(i), start.plusMinutes(i) });
		}
		jdbc.batchUpdate("insert into case_record (case_no, type, channel, reporter_name, reporter_phone, building_code, "
				+ "unit_code, category, description, tracking_token, status, priority, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);

		Answer first = search("agent", "4826");
		assertThat(first.body().get("total").asLong()).isEqualTo(45);
		assertThat(caseNos(first.body())).hasSize(20).startsWith("D-TEST-0044", "D-TEST-0043");
		Answer third = new ApiClient(port).call("GET", "/api/desk/search?q=4826&page=3", null, "Authorization",
				basic("agent"));
		assertThat(caseNos(third.body())).hasSize(5).endsWith("D-TEST-0000");
		assertThat(third.body().get("page").asInt()).isEqualTo(3);
	}

	@Test
	void refusesBadQueriesNamingQ() throws Exception {
		ApiClient api = new ApiClient(port);
		for (String q : List.of("", "%20%20", "x".repeat(65), "12%0734")) {
			Answer bad = api.call("GET", "/api/desk/search?q=" + q, null, "Authorization", basic("agent"));
			assertThat(bad.status()).as(q).isEqualTo(400);
			assertThat(bad.contentType()).startsWith("application/problem+json");
			assertThat(bad.body().toString()).contains("\"q\"");
		}
		assertThat(api.call("GET", "/api/desk/search", null, "Authorization", basic("agent")).status()).isEqualTo(400);
	}

	@Test
	void refusesEngineeringAuditorsAndChannels() throws Exception {
		ApiClient api = new ApiClient(port);
		for (String user : List.of("engineer", "auditor")) {
			Answer refused = search(user, "7391");
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(api.call("GET", "/api/desk/callers/3-1201", null, "Authorization", basic(user)).status()).as(user)
					.isEqualTo(403);
		}
		assertThat(api.call("GET", "/api/desk/search?q=7391", null, "X-Api-Key", "demo").status()).isEqualTo(403);
	}

	@Test
	void callersCardShowsTheHouseholdAndTheirCases() throws Exception {
		String caseNo = openRepair("欧阳晓雯", "13955507391", "5-701");
		Answer card = new ApiClient(port).call("GET", "/api/desk/callers/" + URLEncoder.encode("5栋0701", StandardCharsets.UTF_8),
				null, "Authorization", basic("agent"));
		assertThat(card.status()).isEqualTo(200);
		JsonNode body = card.body();
		assertThat(body.get("unit").asText()).isEqualTo("5-701");
		assertThat(body.get("household")).anySatisfy(m -> assertThat(m.get("elderlyAlone").asBoolean()).isTrue());
		assertThat(body.get("openCases").toString()).contains(caseNo);
		assertThat(body.get("recentCases").toString()).contains(caseNo);
		assertThat(new ApiClient(port).call("GET", "/api/desk/callers/99-101", null, "Authorization", basic("agent")).status())
				.isEqualTo(404);
	}

}
