package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.ApiClient;
import com.propdesk.PropDeskTest;

/**
 * The decision-table editor's try-it box over real HTTP: the posted (edited) table is evaluated by the engine's DMN
 * engine and the matched row named, a table the deployment guard refuses is never evaluated, bad inputs name their
 * field, and only management may try. Nothing is deployed.
 */
@PropDeskTest
class DecisionTrialApiTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String TRIAL = "/api/manage/decisions/trial";

	static final Map<String, Object> P1_REPAIR_RESPONSE = Map.of("caseType", "repair", "sla", "repair-response", "priority", "P1");

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	/** system.FeelParsedOnce: the engine's decisions, this try-it box's too, keep each FEEL text parsed. */
	@Test
	void theEnginesDecisionsKeepEachFeelTextParsed(@Autowired org.camunda.bpm.engine.ProcessEngine engine) {
		var dmn = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getDmnEngineConfiguration();
		assertThat(dmn.getFeelEngine().getClass().getName()).isEqualTo("com.propdesk.system.FeelParsedOnce$Engine");
	}

	private ApiClient.Answer trial(String user, String content, String decisionKey, Map<String, Object> inputs) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("content", content);
		if (decisionKey != null) {
			body.put("decisionKey", decisionKey);
		}
		body.put("inputs", inputs);
		return api.call("POST", TRIAL, JSON.writeValueAsString(body), "Authorization", basic(user));
	}

	private static List<String> fields(ApiClient.Answer answer) {
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		return answer.body().path("errors").findValuesAsText("field");
	}

	@Test
	void theEditedSlaPolicyMatchesTheP1RepairResponseRowWithItsNewTarget() throws Exception {
		long deployments = repositoryService.createDeploymentQuery().count();

		var original = trial("manager", TestVersions.file(ManageApiTests.SLA_POLICY), "sla-policy", P1_REPAIR_RESPONSE);
		assertThat(original.status()).as(String.valueOf(original.body())).isEqualTo(200);
		assertThat(original.body().path("decisionKey").asText()).isEqualTo("sla-policy");
		assertThat(original.body().path("hitPolicy").asText()).isEqualTo("FIRST");
		JsonNode matched = original.body().path("matched");
		assertThat(matched).hasSize(1);
		assertThat(matched.get(0).path("ruleId").asText()).isEqualTo("Rule_02");
		assertThat(matched.get(0).path("row").asInt()).isEqualTo(2);
		assertThat(matched.get(0).path("annotation").asText()).isEqualTo("维修响应 P1 15 分钟");
		assertThat(original.body().path("outputs").path("target").asText()).isEqualTo("PT15M");
		assertThat(original.body().path("outputs").path("escalateTo").asText()).isEqualTo("duty-officer");

		// the posted table is what is evaluated, not the deployed one; without a key its first table
		var edited = trial("manager", TestVersions.slaPolicyWithFasterP1Response(), null, P1_REPAIR_RESPONSE);
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.body().path("matched").get(0).path("ruleId").asText()).isEqualTo("Rule_02");
		assertThat(edited.body().path("outputs").path("target").asText()).isEqualTo("PT10M");

		// an input left out is empty: the catch-all row answers
		var partial = trial("manager", TestVersions.file(ManageApiTests.SLA_POLICY), "sla-policy", Map.of("sla", "unknown-sla"));
		assertThat(partial.body().path("matched").get(0).path("ruleId").asText()).isEqualTo("Rule_16");
		assertThat(partial.body().path("matched").get(0).path("row").asInt()).isEqualTo(17);
		assertThat(repositoryService.createDeploymentQuery().count()).as("a trial deploys nothing").isEqualTo(deployments);
	}

	@Test
	void aTableWhereNoRuleMatchesAnswersNoMatch() throws Exception {
		String withoutCatchAll = TestVersions.file(ManageApiTests.SLA_POLICY).replaceAll("(?s)<rule id=\"Rule_16\">.*?</rule>", "");
		assertThat(withoutCatchAll).doesNotContain("Rule_16");

		var answer = trial("manager", withoutCatchAll, "sla-policy", Map.of("caseType", "repair", "sla", "unknown-sla"));
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
		assertThat(answer.body().path("matched")).isEmpty();
		assertThat(answer.body().path("outputs").isNull()).isTrue();
	}

	@Test
	void aTableTheGuardRefusesIsNotEvaluated() throws Exception {
		// a JUEL expression could call any bean or class the engine reaches; the guard allows FEEL only
		String juel = TestVersions.replaceOnce(TestVersions.file(ManageApiTests.SLA_POLICY),
				"<inputEntry id=\"Rule_02_Priority\"><text>\"P1\"</text></inputEntry>",
				"<inputEntry id=\"Rule_02_Priority\" expressionLanguage=\"juel\"><text>${priority == 'P1'}</text></inputEntry>");

		var answer = trial("manager", juel, "sla-policy", P1_REPAIR_RESPONSE);
		assertThat(fields(answer)).containsOnly("content");
		String reasons = answer.body().path("errors").findValuesAsText("message").toString();
		assertThat(reasons).contains("部署检查不允许，未试算", "Rule_02_Priority", "只允许 FEEL", "juel")
				.doesNotContain("无法计算");
		assertThat(answer.body().has("matched")).isFalse();
	}

	@Test
	void aCellThatComputesIsRefusedBeforeItRuns() throws Exception {
		// valid FEEL, no function the engine forbids, and it fills the heap: a result is a value, nothing else
		String loop = TestVersions.replaceOnce(TestVersions.file(ManageApiTests.SLA_POLICY),
				"<outputEntry id=\"Rule_02_Target\"><text>\"PT15M\"</text>",
				"<outputEntry id=\"Rule_02_Target\"><text>string(count(for i in 1..100000000 return i))</text>");

		var answer = trial("manager", loop, "sla-policy", P1_REPAIR_RESPONSE);
		assertThat(fields(answer)).containsOnly("content");
		assertThat(answer.body().path("errors").findValuesAsText("message").toString())
				.contains("部署检查不允许，未试算", "Rule_02_Target", "结果只能是一个值");
	}

	@Test
	void badInputNamesItsField() throws Exception {
		String slaPolicy = TestVersions.file(ManageApiTests.SLA_POLICY);
		assertThat(fields(trial("manager", slaPolicy, "sla-policy", Map.of("prio", "P1")))).containsExactly("inputs.prio");
		var unknown = trial("manager", slaPolicy, "sla-policy", Map.of("prio", "P1"));
		assertThat(unknown.body().path("errors").get(0).path("message").asText()).contains("caseType", "sla", "priority");
		assertThat(fields(trial("manager", slaPolicy, "sla-policy", Map.of("priority", List.of("P1")))))
				.containsExactly("inputs.priority");
		assertThat(fields(trial("manager", slaPolicy, "complaint-tier", P1_REPAIR_RESPONSE))).containsExactly("decisionKey");
		assertThat(fields(trial("manager", " ", null, P1_REPAIR_RESPONSE))).containsExactly("content");
		assertThat(fields(trial("manager", "<definitions", null, P1_REPAIR_RESPONSE))).containsExactly("content");
		var notAnObject = api.call("POST", TRIAL, "{\"content\": \"x\", \"inputs\": [1]}", "Authorization", basic("manager"));
		assertThat(fields(notAnObject)).containsExactly("inputs");
	}

	@Test
	void everyTableOfTheRepositoryCanBeTried() throws Exception {
		var triage = trial("manager", TestVersions.file("processes/repair-triage.dmn"), "repair-triage",
				Map.of("category", "plumbing", "description", "厨房水管爆裂，漏水严重"));
		assertThat(triage.status()).as(String.valueOf(triage.body())).isEqualTo(200);
		assertThat(triage.body().path("outputs").path("priority").asText()).isEqualTo("P1");
		var tier = trial("manager", TestVersions.file("processes/complaint-tier.dmn"), "complaint-tier",
				Map.of("repeatComplaint", true, "category", "noise", "description", "楼上太吵"));
		assertThat(tier.body().path("outputs").path("tier").asText()).isEqualTo("major");
		assertThat(tier.body().path("matched").get(0).path("row").asInt()).isEqualTo(1);
		var inquiry = trial("manager", TestVersions.file("processes/inquiry-triage.dmn"), "inquiry-triage",
				Map.of("description", "物业费怎么交"));
		assertThat(inquiry.status()).as(String.valueOf(inquiry.body())).isEqualTo(200);
		assertThat(inquiry.body().path("matched")).isNotEmpty();
	}

	@Test
	void onlyManagementMayTry() throws Exception {
		String slaPolicy = TestVersions.file(ManageApiTests.SLA_POLICY);
		assertThat(trial("agent", slaPolicy, "sla-policy", P1_REPAIR_RESPONSE).status()).isEqualTo(403);
		assertThat(trial("auditor", slaPolicy, "sla-policy", P1_REPAIR_RESPONSE).status()).isEqualTo(403);
		assertThat(api.call("POST", TRIAL, "{}").status()).isEqualTo(401);
	}

}
