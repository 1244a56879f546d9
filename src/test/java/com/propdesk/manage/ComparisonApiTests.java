package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;

/** Two versions compared over the API, as the managers' page asks: diagrams, decision tables and forms. */
@PropDeskTest
@AtDayShift
class ComparisonApiTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessEngineConfiguration engine;

	ApiClient api;

	TestVersions versions;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		versions = new TestVersions(repositoryService);
	}

	@AfterEach
	void removeTestVersions() {
		versions.removeAll();
	}

	private int latestProcessVersion(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
	}

	private int latestDecisionVersion(String key) {
		return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getVersion();
	}

	private int latestFormVersion(String id) {
		return ((ProcessEngineConfigurationImpl) engine).getCommandExecutorTxRequired()
				.execute(context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id)).getVersion();
	}

	private static List<String> ids(JsonNode elements) {
		List<String> ids = new ArrayList<>();
		elements.forEach(e -> ids.add(e.get("id").asText() + ":" + e.get("change").asText()));
		return ids;
	}

	private static JsonNode byId(JsonNode elements, String id) {
		for (JsonNode element : elements) {
			if (element.get("id").asText().equals(id)) {
				return element;
			}
		}
		throw new AssertionError("no " + id + " in " + elements);
	}

	@Test
	void repairWithOneTaskRenamedAndOneAddedShowsExactlyThoseTwo() throws Exception {
		int v1 = latestProcessVersion("repair");
		versions.deploy("repair.bpmn", TestVersions.repairWithTaskRenamedAndAdded());

		Answer answer = api.call("GET", "/api/manage/compare/process/repair?from=" + v1 + "&to=" + (v1 + 1), null,
				"Authorization", basic("manager"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode body = answer.body();
		assertThat(ids(body.get("elements"))).containsExactly("Task_Repair:changed", "Task_ConfirmArrival:added");
		JsonNode renamed = byId(body.get("elements"), "Task_Repair");
		assertThat(renamed.get("typeLabel").asText()).isEqualTo("用户任务");
		assertThat(renamed.get("changeLabel").asText()).isEqualTo("修改");
		assertThat(renamed.get("properties")).hasSize(1);
		assertThat(renamed.at("/properties/0/label").asText()).isEqualTo("名称");
		assertThat(renamed.at("/properties/0/before").asText()).isEqualTo("上门维修");
		assertThat(renamed.at("/properties/0/after").asText()).isEqualTo("上门维修（含材料确认）");
		JsonNode added = byId(body.get("elements"), "Task_ConfirmArrival");
		assertThat(added.get("name").asText()).isEqualTo("确认到场");
		assertThat(added.get("type").asText()).isEqualTo("userTask");
		assertThat(added.get("properties").findValuesAsText("after")).contains("确认到场", "repair-work", "${department}");
		// the new task is reached by re-pointing one flow and adding another
		assertThat(ids(body.get("flows"))).containsExactly("Flow_ToRepair:changed", "Flow_ToRepairAfterArrival:added");
		JsonNode repointed = byId(body.get("flows"), "Flow_ToRepair");
		assertThat(repointed.at("/properties/0/property").asText()).isEqualTo("target");
		assertThat(repointed.at("/properties/0/before").asText()).isEqualTo("Task_Repair");
		assertThat(repointed.at("/properties/0/after").asText()).isEqualTo("Task_ConfirmArrival");
		assertThat(body.at("/from/content").asText()).contains("name=\"上门维修\"");
		assertThat(body.at("/to/content").asText()).contains("Task_ConfirmArrival");
	}

	@Test
	void slaPolicyWithFasterP1RepairResponseShowsExactlyThatRuleChanged() throws Exception {
		int v1 = latestDecisionVersion("sla-policy");
		versions.deploy("sla-policy.dmn", TestVersions.slaPolicyWithFasterP1Response());

		Answer answer = api.call("GET", "/api/manage/compare/decision/sla-policy?from=" + v1 + "&to=" + (v1 + 1), null,
				"Authorization", basic("auditor"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode rules = answer.body().get("rules");
		assertThat(rules).hasSize(1);
		JsonNode rule = rules.get(0);
		assertThat(rule.get("id").asText()).isEqualTo("Rule_02");
		assertThat(rule.get("change").asText()).isEqualTo("changed");
		assertThat(rule.get("cells")).hasSize(1);
		assertThat(rule.at("/cells/0/property").asText()).isEqualTo("目标时长");
		assertThat(rule.at("/cells/0/before").asText()).isEqualTo("\"PT15M\"");
		assertThat(rule.at("/cells/0/after").asText()).isEqualTo("\"PT10M\"");
		assertThat(rule.at("/before/时限").asText()).isEqualTo("\"repair-response\"");
		assertThat(rule.at("/after/优先级").asText()).isEqualTo("\"P1\"");
		assertThat(answer.body().get("columns")).isEmpty();
		assertThat(answer.body().get("orderChanged").asBoolean()).isFalse();
	}

	@Test
	void formWithAFieldRelabelledAndOneRemovedShowsExactlyThose() throws Exception {
		int v1 = latestFormVersion("repair-accept");
		versions.deploy("repair-accept.form", TestVersions.repairAcceptRelabelledAndShorter());

		Answer answer = api.call("GET", "/api/manage/compare/form/repair-accept?from=" + v1 + "&to=" + (v1 + 1), null,
				"Authorization", basic("manager"));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode fields = answer.body().get("fields");
		assertThat(ids(fields)).containsExactly("repairNotes:removed", "eta:changed");
		JsonNode relabelled = byId(fields, "eta");
		assertThat(relabelled.get("properties")).hasSize(1);
		assertThat(relabelled.at("/properties/0/label").asText()).isEqualTo("标签");
		assertThat(relabelled.at("/properties/0/before").asText()).isEqualTo("预计到场时间");
		assertThat(relabelled.at("/properties/0/after").asText()).isEqualTo("预计上门时间");
		assertThat(byId(fields, "repairNotes").get("name").asText()).isEqualTo("此前处理记录");
	}

	@Test
	void onlyManagementAndAuditorsCompareAndBadVersionsAreNamed() throws Exception {
		int v1 = latestProcessVersion("repair");
		String path = "/api/manage/compare/process/repair?from=" + v1 + "&to=" + v1;

		assertThat(api.call("GET", path, null).status()).isEqualTo(401);
		Answer desk = api.call("GET", path, null, "Authorization", basic("agent"));
		assertThat(desk.status()).isEqualTo(403);
		assertThat(desk.contentType()).startsWith("application/problem+json");
		assertThat(desk.body().get("detail").asText()).contains("管理层");
		Answer same = api.call("GET", path, null, "Authorization", basic("auditor"));
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.body().get("elements")).isEmpty();

		Answer bad = api.call("GET", "/api/manage/compare/process/repair?from=x&to=1", null, "Authorization", basic("manager"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("from");
		Answer missing = api.call("GET", "/api/manage/compare/process/repair?from=1&to=999", null, "Authorization", basic("manager"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body().get("detail").asText()).contains("第 999 版");
	}

}
