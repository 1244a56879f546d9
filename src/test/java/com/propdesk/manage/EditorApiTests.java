package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.ApiClient;
import com.propdesk.PropDeskTest;
import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.Step;

/**
 * What the browser editors ask the server, over real HTTP: the catalogue of steps, groups, forms, tables and processes
 * by their Chinese names, and a file's validation — the guard's reasons and PropDesk's diagram rules, each on its
 * element — which deploys nothing.
 */
@PropDeskTest
class EditorApiTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DeploymentGuardPlugin guard;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	/** The editor offers steps by these names; a new delegate or listener cannot be added without one. */
	@Test
	void everyBeanADiagramMayNameHasAChineseLabel() {
		assertThat(guard.allowedBeans()).hasSizeGreaterThan(40).allSatisfy(bean -> {
			Step step = context.findAnnotationOnBean(bean, Step.class, false);
			assertThat(step).as(bean + " declares its @Step").isNotNull();
			assertThat(step.label()).as(bean).matches(".*\\p{IsHan}.*");
			for (Step.Input input : step.inputs()) {
				assertThat(input.label()).as(bean + "." + input.name()).matches(".*\\p{IsHan}.*");
			}
		});
	}

	@Test
	void catalogueNamesStepsGroupsFormsDecisionsAndProcessesInChinese() throws Exception {
		ApiClient.Answer answer = as("manager", "GET", "/api/manage/editor/catalogue", null);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode catalogue = answer.body();
		JsonNode start = find(catalogue.get("steps"), "bean", "startSlaClock");
		assertThat(start.get("label").asText()).isEqualTo("开始计时");
		assertThat(start.get("kind").asText()).isEqualTo("service");
		JsonNode sla = find(start.get("inputs"), "name", "sla");
		assertThat(sla.get("label").asText()).isEqualTo("时限");
		assertThat(sla.get("options").findValuesAsText("value")).containsExactlyElementsOf(SlaNames.LABELS.keySet());
		assertThat(find(sla.get("options"), "value", SlaNames.REPAIR_RESPONSE).get("label").asText()).isEqualTo("维修响应");
		assertThat(find(start.get("inputs"), "name", "from").get("options").findValuesAsText("value")).containsExactly("intake");
		assertThat(find(find(catalogue.get("steps"), "bean", "publishOwnerEvent").get("inputs"), "name", "event")
				.get("options").findValuesAsText("value")).contains("accepted", "resolved", "closed", "promoted");
		assertThat(find(catalogue.get("steps"), "bean", "assignTechnicianListener").get("kind").asText())
				.isEqualTo("task-listener");
		// attached to every user task by PropDesk itself, or used only in its internal processes: not offered
		assertThat(catalogue.get("steps").findValuesAsText("bean")).doesNotContain("caseCards", "taskDeadlines", "sendOwnerSms",
				"recordSlaBreach");

		assertThat(find(catalogue.get("groups"), "id", "engineering").get("label").asText()).isEqualTo("工程部");
		assertThat(catalogue.get("groups").findValuesAsText("id")).contains("service-desk", "management", "duty-officer");
		assertThat(find(catalogue.get("forms"), "id", "repair-accept").get("title").asText()).isEqualTo("接单");
		assertThat(find(catalogue.get("decisions"), "key", "sla-policy").get("name").asText()).isNotBlank();
		assertThat(catalogue.get("decisions").findValuesAsText("key")).contains("repair-triage", "complaint-tier", "inquiry-triage");
		assertThat(find(catalogue.get("processes"), "key", "repair").get("name").asText()).isEqualTo("报修");
		assertThat(catalogue.get("processes").findValuesAsText("key")).doesNotContain("sla-clock", "owner-event");
	}

	@Test
	void auditorsReadTheCatalogueAndOtherStaffDoNot() throws Exception {
		assertThat(as("auditor", "GET", "/api/manage/editor/catalogue", null).status()).isEqualTo(200);
		assertThat(as("agent", "GET", "/api/manage/editor/catalogue", null).status()).isEqualTo(403);
		assertThat(api.call("GET", "/api/manage/editor/catalogue", null).status()).isEqualTo(401);
	}

	@Test
	void theShippedRepairDiagramIsValid() throws Exception {
		JsonNode result = validate("repair.bpmn", repair());

		assertThat(result.get("allowed").asBoolean()).isTrue();
		assertThat(result.get("problems")).isEmpty();
	}

	@Test
	void aScriptTaskIsTheGuardsProblemOnItsElement() throws Exception {
		JsonNode result = validate("repair.bpmn", withNode(repair(),
				"<bpmn:scriptTask id=\"Task_Script\" name=\"脚本\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"));

		assertThat(result.get("allowed").asBoolean()).isFalse();
		JsonNode script = find(result.get("problems"), "elementId", "Task_Script");
		assertThat(script.get("source").asText()).isEqualTo("guard");
		assertThat(script.get("level").asText()).isEqualTo("error");
		assertThat(script.get("message").asText()).contains("Task_Script").contains("不允许脚本");
	}

	/** A modeler shows a timer's definition as its event: the problem is marked there. */
	@Test
	void aTimersProblemIsOnItsEvent() throws Exception {
		JsonNode result = validate("repair.bpmn", repair().replace(">PT72H<", ">${feedbackWait.getClass()}<"));

		assertThat(list(result.get("problems"))).isNotEmpty().allSatisfy(p -> {
			assertThat(p.get("source").asText()).isEqualTo("guard");
			assertThat(p.get("elementId").asText()).isEqualTo("Timer_FeedbackTimeout");
		});
	}

	@Test
	void aGeneratedIdAndAnEnglishNameAreRulesProblemsOnTheElement() throws Exception {
		JsonNode result = validate("repair.bpmn", withNode(repair(),
				"<bpmn:userTask id=\"Activity_0x1f2ab\" name=\"Check the meter\" camunda:candidateGroups=\"engineering\"/>"));

		List<JsonNode> problems = list(result.get("problems"));
		assertThat(problems).extracting(p -> p.get("elementId").asText()).containsOnly("Activity_0x1f2ab");
		assertThat(problems).extracting(p -> p.get("source").asText()).containsOnly("rules");
		assertThat(problems).extracting(p -> p.get("message").asText()).anyMatch(m -> m.contains("编号不易读"))
				.anyMatch(m -> m.contains("没有中文名称"));
		// the engine would run it, but staff would read English in Tasklist: fixed before it is deployed
		assertThat(problems).extracting(p -> p.get("level").asText()).containsOnly("error");
		assertThat(result.get("allowed").asBoolean()).isFalse();
	}

	@Test
	void aUserTaskWithoutACandidateGroupIsAnError() throws Exception {
		JsonNode result = validate("repair.bpmn", withNode(repair(), "<bpmn:userTask id=\"Task_CheckMeter\" name=\"抄表\"/>"));

		assertThat(result.get("allowed").asBoolean()).isFalse();
		assertThat(list(result.get("problems"))).singleElement().satisfies(p -> {
			assertThat(p.get("source").asText()).isEqualTo("rules");
			assertThat(p.get("level").asText()).isEqualTo("error");
			assertThat(p.get("elementId").asText()).isEqualTo("Task_CheckMeter");
			assertThat(p.get("message").asText()).contains("候选组");
		});
	}

	@Test
	void aMissingTimeToLiveIsSaidOnce() throws Exception {
		JsonNode result = validate("repair.bpmn", repair().replace(" camunda:historyTimeToLive=\"P1095D\"", ""));

		assertThat(list(result.get("problems"))).singleElement().satisfies(p -> {
			assertThat(p.get("source").asText()).isEqualTo("guard");
			assertThat(p.get("elementId").asText()).isEqualTo("repair");
			assertThat(p.get("message").asText()).contains("historyTimeToLive");
		});
	}

	@Test
	void unreadableFilesAreOneGuardProblem() throws Exception {
		for (var file : Map.of("repair.bpmn", "<bpmn:definitions xmlns:bpmn=\"x\"><bpmn:process", "sla-policy.dmn", "not xml",
				"repair-accept.form", "{\"id\": \"repair-accept\", ").entrySet()) {
			JsonNode result = validate(file.getKey(), file.getValue());

			assertThat(result.get("allowed").asBoolean()).as(file.getKey()).isFalse();
			assertThat(list(result.get("problems"))).as(file.getKey()).singleElement().satisfies(p -> {
				assertThat(p.get("source").asText()).isEqualTo("guard");
				assertThat(p.get("elementId").isNull()).isTrue();
			});
		}
	}

	@Test
	void aFormsProblemNamesItsComponent() throws Exception {
		String form = Files.readString(Path.of("forms/repair-accept.form"))
				.replace("\"type\": \"text\",", "\"type\": \"html\",");

		JsonNode result = validate("repair-accept.form", form);

		assertThat(result.get("allowed").asBoolean()).isFalse();
		assertThat(find(result.get("problems"), "elementId", "Text_0").get("message").asText()).contains("html");
	}

	@Test
	void aBadRequestNamesTheField() throws Exception {
		assertThat(fieldsOf(body(null, "<x/>"))).containsExactly("fileName");
		assertThat(fieldsOf(body("notes.txt", "hello"))).containsExactly("fileName");
		assertThat(fieldsOf(body("repair.bpmn", " "))).containsExactly("content");
	}

	@Test
	void onlyManagementValidates() throws Exception {
		String body = body("repair.bpmn", repair());

		assertThat(as("agent", "POST", "/api/manage/validation", body).status()).isEqualTo(403);
		assertThat(as("auditor", "POST", "/api/manage/validation", body).status()).isEqualTo(403);
		assertThat(api.call("POST", "/api/manage/validation", body).status()).isEqualTo(401);
	}

	private List<String> fieldsOf(String body) throws Exception {
		ApiClient.Answer answer = as("manager", "POST", "/api/manage/validation", body);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		return answer.body().get("errors").findValuesAsText("field");
	}

	@Test
	void aDiagramLargerThanOtherRequestsIsValidatedAndOneLargerThanTheGuardTakesIsRefusedWhole() throws Exception {
		// a long note on the diagram makes it 300 KB: more than any other JSON body, within the guard's 512 KB a file
		String large = withNode(repair(), note("说明".repeat(50_000)));
		assertThat(validate("repair.bpmn", large).get("problems")).isEmpty();

		String tooLarge = withNode(repair(), note("说明".repeat(200_000)));
		assertThat(as("manager", "POST", "/api/manage/validation", body("repair.bpmn", tooLarge)).status()).isEqualTo(413);
	}

	private JsonNode validate(String fileName, String content) throws Exception {
		ApiClient.Answer answer = as("manager", "POST", "/api/manage/validation", body(fileName, content));
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
		return answer.body();
	}

	private static String body(String fileName, String content) throws Exception {
		Map<String, String> body = new java.util.HashMap<>();
		body.put("fileName", fileName);
		body.put("content", content);
		return JSON.writeValueAsString(body);
	}

	private static String repair() throws Exception {
		return Files.readString(Path.of("processes/repair.bpmn"));
	}

	/** The diagram with one more flow node in its process (without a shape: the engine does not need one). */
	private static String note(String text) {
		return "<bpmn:textAnnotation id=\"TextAnnotation_Note\"><bpmn:text>" + text + "</bpmn:text></bpmn:textAnnotation>";
	}

	private static String withNode(String diagram, String node) {
		return diagram.replace("</bpmn:process>", node + "</bpmn:process>");
	}

	private ApiClient.Answer as(String user, String method, String path, String body) throws Exception {
		return api.call(method, path, body, "Authorization", basic(user));
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		return StreamSupport.stream(array.spliterator(), false).filter(n -> value.equals(n.path(field).asText(null))).findFirst()
				.orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> all = new ArrayList<>();
		array.forEach(all::add);
		return all;
	}

}
