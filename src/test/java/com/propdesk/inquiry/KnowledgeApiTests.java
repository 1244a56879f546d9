package com.propdesk.inquiry;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;

/** The knowledge base's staff API: everyone on staff reads, the owning department or management writes. */
@PropDeskTest
@AtDayShift
class KnowledgeApiTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void staffReadTheDemoKnowledgeBaseOfAtLeastThirtyEntries() throws Exception {
		Answer all = api.call("GET", "/api/knowledge/entries", null, "Authorization", basic("engineer"));
		Answer fees = api.call("GET", "/api/knowledge/entries?category=fees", null, "Authorization", basic("agent"));
		Answer one = api.call("GET", "/api/knowledge/entries/fee-payment", null, "Authorization", basic("auditor"));

		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().size()).isGreaterThanOrEqualTo(30);
		assertThat(fees.body()).allSatisfy(e -> assertThat(e.get("category").asText()).isEqualTo("fees"));
		assertThat(one.body().get("current").get("answer").asText()).contains("物业费");
		assertThat(one.body().get("versions")).isNotEmpty();
		assertThat(api.call("GET", "/api/knowledge/entries/no-such", null, "Authorization", basic("agent")).status())
				.isEqualTo(404);
		assertThat(api.call("GET", "/api/knowledge/entries", null, "X-Api-Key", "demo").status()).isEqualTo(403);
		// a channel's key learns nothing about which entries exist
		assertThat(api.call("DELETE", "/api/knowledge/entries/no-such", null, "X-Api-Key", "demo").status()).isEqualTo(403);
		assertThat(api.call("PUT", "/api/knowledge/entries/fee-payment", "{}", "X-Api-Key", "demo").status()).isEqualTo(403);
	}

	@Test
	void theOwningDepartmentWritesNewVersionsOthersCannot() throws Exception {
		String entry = """
				{"code": "parking-height", "category": "parking", "question": "地下车库限高多少？",
				 "answer": "地下车库入口限高 2.2 米，超高车辆请停地面车位。", "keywords": ["限高", "车库", "SUV"]}""";

		Answer byEngineer = api.call("POST", "/api/knowledge/entries", entry, "Authorization", basic("engineer"));
		Answer created = api.call("POST", "/api/knowledge/entries", entry, "Authorization", basic("guard"));
		Answer again = api.call("POST", "/api/knowledge/entries", entry, "Authorization", basic("guard"));
		Answer changed = api.call("PUT", "/api/knowledge/entries/parking-height", entry.replace("2.2 米", "2.1 米")
				.replace("\"code\": \"parking-height\", ", ""), "Authorization", basic("manager"));

		assertThat(byEngineer.status()).isEqualTo(403);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("department").asText()).isEqualTo("security");
		assertThat(created.body().get("version").asInt()).isEqualTo(1);
		assertThat(again.status()).isEqualTo(400);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("version").asInt()).isEqualTo(2);
		assertThat(changed.body().get("changedBy").asText()).isEqualTo("manager");
		Answer match = api.call("GET", "/api/knowledge/match?q=" + URLEncoder.encode("车库限高多少米", StandardCharsets.UTF_8),
				null, "Authorization", basic("agent"));
		assertThat(match.body().get("candidates").get(0).get("entry").get("code").asText()).isEqualTo("parking-height");
		assertThat(match.body().get("candidates").get(0).get("entry").get("answer").asText()).contains("2.1 米");
	}

	@Test
	void aWithdrawnEntryNoLongerAnswersButKeepsItsHistory() throws Exception {
		String entry = """
				{"code": "christmas-market", "category": "services", "question": "圣诞集市在哪天举办？",
				 "answer": "圣诞集市 12 月 24 日 14:00–20:00 在中心广场举办。", "keywords": ["圣诞", "集市"]}""";
		assertThat(api.call("POST", "/api/knowledge/entries", entry, "Authorization", basic("agent")).status()).isEqualTo(201);
		String q = "/api/knowledge/match?q=" + URLEncoder.encode("圣诞集市是哪天", StandardCharsets.UTF_8);
		assertThat(api.call("GET", q, null, "Authorization", basic("agent")).body().get("confident").asBoolean()).isTrue();

		Answer withdrawn = api.call("DELETE", "/api/knowledge/entries/christmas-market", null, "Authorization", basic("agent"));

		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.body().get("validTo").asText()).isEqualTo(TestClock.DAY.toLocalDate().minusDays(1).toString());
		Answer after = api.call("GET", q, null, "Authorization", basic("agent"));
		assertThat(after.body().get("candidates").findValuesAsText("code")).doesNotContain("christmas-market");
		assertThat(api.call("GET", "/api/knowledge/entries/christmas-market", null, "Authorization", basic("agent")).body()
				.get("versions")).hasSize(2);
	}

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	CaseService cases;

	@Test
	void theOwnersRemoveAWordingThatDoesNotBelong() throws Exception {
		String caseNo = cases.open(new CaseRequest("inquiry", "app", "app-" + UUID.randomUUID(),
				new CaseRequest.Reporter("周女士", "13700000000"), null, null, null, "房价一平多少钱", null)).record().caseNo();
		knowledge.confirm("fee-rate", "房价一平多少钱", caseNo, "agent");
		long id = knowledge.phrasingsOf("fee-rate").stream().filter(p -> caseNo.equals(p.caseNo())).findFirst().orElseThrow()
				.id();
		String path = "/api/knowledge/entries/fee-rate/phrasings/" + id;
		assertThat(api.call("GET", "/api/knowledge/entries/fee-rate", null, "Authorization", basic("agent")).body()
				.get("phrasings").findValuesAsText("question")).contains("房价一平多少钱");

		assertThat(api.call("DELETE", path, null, "Authorization", basic("engineer")).status()).isEqualTo(403);
		assertThat(api.call("DELETE", path, null, "Authorization", basic("agent")).status()).isEqualTo(204);
		assertThat(api.call("DELETE", path, null, "Authorization", basic("agent")).status()).isEqualTo(404);
		assertThat(knowledge.phrasingsOf("fee-rate")).extracting(KnowledgeBase.Phrasing::question)
				.doesNotContain("房价一平多少钱").isNotEmpty();
	}

	@Test
	void badInputIsRefusedNamingEachField() throws Exception {
		Answer answer = api.call("POST", "/api/knowledge/entries", """
				{"code": "Bad Code", "category": "weather", "question": "", "answer": "", "keywords": ["a,b"],
				 "validFrom": "2026-12-01", "validTo": "2026-11-01"}""", "Authorization", basic("manager"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").findValuesAsText("field")).contains("code", "category", "question", "answer",
				"keywords", "validTo");
		assertThat(api.call("GET", "/api/knowledge/match?q=", null, "Authorization", basic("agent")).status()).isEqualTo(400);
		Answer badDate = api.call("POST", "/api/knowledge/entries", """
				{"code": "x-date", "category": "services", "question": "问", "answer": "答", "validFrom": "明天"}""",
				"Authorization", basic("manager"));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body().get("errors").findValuesAsText("field")).containsExactly("validFrom");
		Answer endedBeforeToday = api.call("POST", "/api/knowledge/entries", """
				{"code": "x-past", "category": "services", "question": "问", "answer": "答", "validTo": "2026-01-01"}""",
				"Authorization", basic("manager"));
		assertThat(endedBeforeToday.status()).isEqualTo(400);
		assertThat(endedBeforeToday.body().get("errors").findValuesAsText("field")).containsExactly("validTo");
		assertThat(api.call("GET", "/api/knowledge/entries/x-date", null, "Authorization", basic("agent")).status())
				.isEqualTo(404);
		assertThat(api.call("GET", "/api/knowledge/unanswered?days=0", null, "Authorization", basic("agent")).status())
				.isEqualTo(400);
		assertThat(api.call("GET", "/api/knowledge/drafts?status=x", null, "Authorization", basic("agent")).status())
				.isEqualTo(400);
	}

}
