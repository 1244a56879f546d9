package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;

/** A staff member's completion carries values its form could have produced, or answers 400 naming the field. */
@PropDeskTest
@AtDayShift
class FormValuesTests {

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	ApiClient api;

	/** Every kind of field, each with the limits form-js gives it; the task is engineer's. */
	static final String FORM = DeploymentGuardTests.form("form-values", """
			{"id": "c1", "type": "number", "key": "cost", "label": "费用", "validate": {"min": 0}},
			{"id": "c2", "type": "number", "key": "minutes", "label": "分钟", "serializeToString": true},
			{"id": "c3", "type": "checkbox", "key": "lifeSafety", "label": "危及安全"},
			{"id": "c4", "type": "radio", "key": "accepted", "label": "验收", "values": [{"label": "通过", "value": true}, {"label": "不通过", "value": false}]},
			{"id": "c5", "type": "select", "key": "outcome", "label": "结果", "validate": {"required": true},
			 "values": [{"label": "已修好", "value": "done"}, {"label": "暂停", "value": "paused"}]},
			{"id": "c6", "type": "select", "key": "department", "label": "部门", "values": [{"label": "工程部", "value": "engineering"}]},
			{"id": "c7", "type": "textfield", "key": "room", "label": "房号", "validate": {"maxLength": 5, "pattern": "^[0-9-]+$"}},
			{"id": "c8", "type": "textarea", "key": "notes", "label": "说明"},
			{"id": "c9", "type": "datetime", "key": "visitAt", "label": "上门时间", "subtype": "datetime"},
			{"id": "c10", "type": "textarea", "key": "reason", "label": "原因", "validate": {"required": true},
			 "conditional": {"hide": "=outcome != \\"paused\\""}},
			{"id": "c11", "type": "datetime", "key": "promisedAt", "label": "承诺时间", "subtype": "datetime",
			 "disallowPassedDates": true},
			{"id": "c12", "type": "datetime", "key": "dueDay", "label": "完成日期", "subtype": "date", "disallowPassedDates": true}""");

	static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://propdesk.com/test">
			  <bpmn:process id="form-values" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="start"/>
			    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
			    <bpmn:userTask id="work" camunda:assignee="engineer" camunda:formRef="form-values" camunda:formRefBinding="latest"/>
			    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
			    <bpmn:endEvent id="end"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("form-values").count() == 0) {
			repositoryService.createDeployment().name("form-values").addString("form-values.form", FORM)
					.addString("form-values.bpmn", PROCESS).deploy();
		}
	}


	private Task work() {
		String instance = runtimeService.startProcessInstanceByKey("form-values").getId();
		return taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private Answer complete(Task task, String variables) throws Exception {
		return api.call("POST", "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\": {" + variables + "}}",
				"Authorization", basic("engineer"));
	}

	/** A refusal names the field as the person saw it: by its label. */
	static final Map<String, String> LABELS = Map.ofEntries(Map.entry("cost", "费用"), Map.entry("minutes", "分钟"),
			Map.entry("lifeSafety", "危及安全"), Map.entry("accepted", "验收"), Map.entry("outcome", "结果"),
			Map.entry("department", "部门"), Map.entry("room", "房号"), Map.entry("notes", "说明"), Map.entry("visitAt", "上门时间"),
			Map.entry("promisedAt", "承诺时间"), Map.entry("dueDay", "完成日期"));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"text for a number|\"cost\": {\"value\": \"abc\"}|cost",
			"a number below its minimum|\"cost\": {\"value\": -5}|cost",
			"not a number|\"cost\": {\"value\": \"NaN\", \"type\": \"Double\"}|cost",
			"an infinite number|\"cost\": {\"value\": \"Infinity\", \"type\": \"Double\"}|cost",
			"text for a number that is not serialized to text|\"cost\": {\"value\": \"12\"}|cost",
			"non-numeric text for a number serialized to text|\"minutes\": {\"value\": \"ten\"}|minutes",
			"text for a checkbox|\"lifeSafety\": {\"value\": \"yes\"}|lifeSafety",
			"text for a boolean radio|\"accepted\": {\"value\": \"true\"}|accepted",
			"an option the select does not have|\"outcome\": {\"value\": \"exploded\"}|outcome",
			"a number for a select|\"department\": {\"value\": 5}|department",
			"text longer than its maximum|\"room\": {\"value\": \"1-1201\"}|room",
			"text against its pattern|\"room\": {\"value\": \"1;2\"}|room",
			"a boolean for a text|\"notes\": {\"value\": true}|notes",
			"a NUL in a text|\"notes\": {\"value\": \"a\\u0000b\"}|notes",
			"a direction override in a text|\"notes\": {\"value\": \"exe.\\u202egnp\"}|notes",
			"a right-to-left mark in a text|\"notes\": {\"value\": \"a\\u200fb\"}|notes",
			"a line break in a one-line text|\"room\": {\"value\": \"1\\n2\"}|room",
			"a number for a date-time|\"visitAt\": {\"value\": 5}|visitAt",
			"a date-time in words|\"visitAt\": {\"value\": \"明天下午6点\"}|visitAt",
			"a date-time with slashes|\"visitAt\": {\"value\": \"2026/12/1 18:00\"}|visitAt",
			"a promised time already past|\"promisedAt\": {\"value\": \"2026-11-27T09:00+08:00\"}|promisedAt",
			"a day with slashes|\"dueDay\": {\"value\": \"2026/12/15\"}|dueDay",
			"a due day already past|\"dueDay\": {\"value\": \"2026-11-26\"}|dueDay",
			"a date-time in another century|\"visitAt\": {\"value\": \"2999-01-01T09:00+08:00\"}|visitAt",
			"a required field missing|\"notes\": {\"value\": \"ok\"}|outcome",
			"a required field empty|\"outcome\": {\"value\": \"\"}|outcome",
			"a required field of spaces alone|\"outcome\": {\"value\": \"   \"}|outcome" })
	void aValueItsFormCouldNotHaveProducedAnswers400NamingTheField(String what, String variable, String field)
			throws Exception {
		Task task = work();
		String variables = variable.startsWith("\"outcome\"") || field.equals("outcome") ? variable
				: variable + ", \"outcome\": {\"value\": \"done\"}";

		Answer answer = complete(task, variables);

		assertThat(answer.status()).as(what).isEqualTo(400);
		assertThat(answer.body().get("message").asText()).contains(LABELS.get(field) + "：");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
		assertThat(runtimeService.getVariables(task.getProcessInstanceId())).doesNotContainKey(field);
	}

	@Test
	void anOptionTheSelectDoesNotHaveIsRefusedNamingTheOptionsAsStaffSeeThem() throws Exception {
		Answer answer = complete(work(), "\"outcome\": {\"value\": \"exploded\"}");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body().get("message").asText()).contains("结果：只能是以下选项之一：已修好（done）、暂停（paused）");
	}

	@Test
	void aTextLongerThanTheEngineStoresIsRefusedNamingTheFieldAndOneAsLongIsTaken() throws Exception {
		Task refused = work();
		Task taken = work();

		Answer tooLong = complete(refused, "\"outcome\": {\"value\": \"done\"}, \"notes\": {\"value\": \"" + "督".repeat(4001) + "\"}");
		Answer longest = complete(taken, "\"outcome\": {\"value\": \"done\"}, \"notes\": {\"value\": \"" + "督".repeat(4000) + "\"}");

		assertThat(tooLong.status()).as(String.valueOf(tooLong.body())).isEqualTo(400);
		assertThat(tooLong.body().get("message").asText()).contains("说明：不能超过 4000 个字符");
		assertThat(taskService.createTaskQuery().taskId(refused.getId()).count()).isOne();
		assertThat(longest.status()).as(String.valueOf(longest.body())).isEqualTo(204);
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(taken.getProcessInstanceId())
				.variableName("notes").singleResult().getValue()).isEqualTo("督".repeat(4000));
	}

	@Test
	void valuesTheFormProducesAreTaken() throws Exception {
		Task task = work();

		Answer answer = complete(task, """
				"cost": {"value": 120.5, "type": "Double"}, "minutes": {"value": "30"}, "lifeSafety": {"value": false},
				"accepted": {"value": true}, "outcome": {"value": "done"}, "department": {"value": ""},
				"room": {"value": "3-12"}, "notes": {"value": null}, "visitAt": {"value": "2026-11-27T10:00:00+08:00"}""");

		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void aPickedTimeIsStoredAsATimeAndOneWithoutOffsetIsEstateTime() throws Exception {
		Task task = work();

		Answer answer = complete(task, """
				"outcome": {"value": "done"}, "visitAt": {"value": "2026-11-28T09:30"},
				"promisedAt": {"value": "2026-11-27T02:30Z"}, "dueDay": {"value": "2026-11-27"}""");

		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(204);
		var history = historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId());
		assertThat(history.variableName("visitAt").singleResult().getValue())
				.isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-11-28T01:30:00Z")));
		assertThat(history.variableName("promisedAt").singleResult().getValue())
				.isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-11-27T02:30:00Z")));
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
				.variableName("dueDay").singleResult().getValue()).isEqualTo("2026-11-27");
	}

	@Test
	void anOptionTheDiagramDoesNotRouteOnIsA400NotAServerError() throws Exception {
		CaseRecord job = cases.open(Reports.repair("1", "1-501", "plumbing", "水管滴水")).record();
		Task accept = taskService.createTaskQuery().processInstanceId(job.processInstanceId()).singleResult();
		taskService.complete(accept.getId(), Map.of("eta", "2026-11-27T11:00:00+08:00"));
		Task repair = taskService.createTaskQuery().processInstanceId(job.processInstanceId()).singleResult();

		Answer outcome = complete(repair, "\"diagnosis\": {\"value\": \"阀门老化\"}, \"repairOutcome\": {\"value\": \"exploded\"}");
		Answer cost = complete(repair, """
				"diagnosis": {"value": "阀门老化"}, "repairOutcome": {"value": "done"}, "cost": {"value": "abc"}""");

		assertThat(outcome.status()).isEqualTo(400);
		assertThat(outcome.body().get("message").asText()).startsWith("维修结果：");
		assertThat(cost.status()).isEqualTo(400);
		assertThat(cost.body().get("message").asText()).startsWith("费用（元）：");
		assertThat(taskService.createTaskQuery().taskId(repair.getId()).count()).isOne();
		assertThat(runtimeService.getVariable(job.processInstanceId(), "cost")).isNull();
	}

}
