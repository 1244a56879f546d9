package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * Forms offer what the data holds — the estate's buildings, the technicians on duty — filled in when Tasklist
 * fetches the form, and a refusal reaches the person as PropDesk's Chinese reason alone.
 */
@PropDeskTest
@AtDayShift
class FormOptionsTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	CaseService cases;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private static JsonNode field(JsonNode form, String key) {
		return form.findParents("key").stream().filter(f -> f.path("key").asText().equals(key) && !f.path("readonly").asBoolean())
				.findFirst().orElseThrow();
	}

	private static List<String> values(JsonNode select) {
		List<String> values = new ArrayList<>();
		select.path("values").forEach(v -> values.add(v.path("value").asText() + "=" + v.path("label").asText()));
		return values;
	}

	@Test
	void aStartFormOffersTheEstatesBuildings() throws Exception {
		Answer form = api.call("GET", "/engine-rest/process-definition/key/repair/deployed-start-form", null,
				"Authorization", basic("agent"));

		assertThat(form.status()).isEqualTo(200);
		JsonNode building = field(form.body(), "building");
		assertThat(building.path("type").asText()).isEqualTo("select");
		assertThat(building.has("valuesKey")).isFalse();
		assertThat(values(building)).contains("1=1号楼 / 1栋 / 1幢 · 北区", "5=5号楼 / 5栋 / 5幢 · 南区").hasSize(6);
	}

	@Test
	void aStartFormTakesTheBuildingAsWrittenAndTheCaseIsOnItsCode() throws Exception {
		Answer started = submitRepair("5号楼", "138 0000 0000");

		assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
		String instance = started.body().get("id").asText();
		assertThat(runtimeService.getVariable(instance, "building")).isEqualTo("5");
		assertThat(runtimeService.getVariable(instance, "reporterPhone")).isEqualTo("13800000000");
		String caseNo = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
		assertThat(cases.find(caseNo).orElseThrow().building()).isEqualTo("5");
	}

	@Test
	void aRefusedStartFormAnswersTheChineseReasonAlone() throws Exception {
		Answer unknown = submitRepair("99号楼", "13800000000");
		Answer phone = submitRepair("5", "12345");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().get("message").asText()).isEqualTo("楼栋：没有这个楼栋：99号楼");
		assertThat(phone.status()).isEqualTo(400);
		assertThat(phone.body().get("message").asText()).startsWith("联系电话：").doesNotContain("Cannot").doesNotContain("repair:");
	}

	@Test
	void theDutyOfficersFormOffersTheTechniciansOnDutyAndTakesOnlyThem() throws Exception {
		TestClock.set(TestClock.NIGHT);
		Task assign = repairNobodyCanTake();

		Answer form = api.call("GET", "/engine-rest/task/" + assign.getId() + "/deployed-form", null, "Authorization", basic("duty"));
		Answer offDuty = submitTask(assign, "engineer");
		Answer otherDepartment = submitTask(assign, "cleaner");
		Answer optionListSentBack = api.call("POST", "/engine-rest/task/" + assign.getId() + "/submit-form",
				"{\"variables\": {\"technician\": {\"value\": \"engineer4\"}, \"technicianOptions\": {\"value\": \"[]\"}}}",
				"Authorization", basic("duty"));

		assertThat(form.status()).isEqualTo(200);
		JsonNode technician = field(form.body(), "technician");
		assertThat(technician.path("type").asText()).isEqualTo("select");
		assertThat(values(technician)).hasSize(2).anySatisfy(v -> assertThat(v).startsWith("engineer3=赵师傅 · ").contains("燃气")
				.as("nobody on the night shift has the air-conditioning skill: offered, but marked").contains("（无此技能）")
				.endsWith(" · 在办 0 件"))
				.anySatisfy(v -> assertThat(v).startsWith("engineer4=孙师傅 · "));
		assertThat(offDuty.status()).isEqualTo(400);
		assertThat(offDuty.body().get("message").asText()).isEqualTo("指派技师：不在当班可派的技师名单中：engineer");
		assertThat(otherDepartment.status()).isEqualTo(400);
		assertThat(optionListSentBack.status()).as(String.valueOf(optionListSentBack.body())).isEqualTo(204);
		assertThat(runtimeService.getVariable(assign.getProcessInstanceId(), "technician")).isEqualTo("engineer4");
		assertThat(runtimeService.getVariables(assign.getProcessInstanceId())).doesNotContainKey("technicianOptions");
	}

	@Test
	void aJobForADepartmentWithNobodyOnShiftOffersItsTechniciansOffShiftToCallIn() throws Exception {
		TestClock.set(TestClock.NIGHT);
		// 保洁部 works days only: at night the job waits for the duty officer, who calls 陈阿姨 in
		String caseNo = cases.open(Reports.repair("3", "3-1201", "cleaning", "楼道有大量垃圾")).record().caseNo();
		Task assign = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
				.taskDefinitionKey(RepairProcess.ASSIGN_BY_HAND).singleResult();
		taskService.claim(assign.getId(), "duty");

		Answer form = api.call("GET", "/engine-rest/task/" + assign.getId() + "/deployed-form", null, "Authorization", basic("duty"));
		Answer otherDepartment = submitTask(assign, "engineer3");
		Answer calledIn = submitTask(assign, "cleaner");

		assertThat(values(field(form.body(), "technician"))).singleElement().asString().startsWith("cleaner=陈阿姨 · ")
				.contains("（不在班，需电话召回）");
		assertThat(otherDepartment.status()).isEqualTo(400);
		assertThat(calledIn.status()).as(String.valueOf(calledIn.body())).isEqualTo(204);
		assertThat(runtimeService.getVariable(assign.getProcessInstanceId(), "technician")).isEqualTo("cleaner");
	}

	private Task repairNobodyCanTake() {
		// air conditioning at night: both qualified technicians work days
		String caseNo = cases.open(Reports.repair("3", "3-1201", "hvac", "空调外机异响")).record().caseNo();
		Task assign = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
				.taskDefinitionKey(RepairProcess.ASSIGN_BY_HAND).singleResult();
		taskService.claim(assign.getId(), "duty");
		return assign;
	}

	private Answer submitTask(Task task, String technician) throws Exception {
		return api.call("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
				"{\"variables\": {\"technician\": {\"value\": \"" + technician + "\"}}}", "Authorization", basic("duty"));
	}

	private Answer submitRepair(String building, String phone) throws Exception {
		return api.call("POST", "/engine-rest/process-definition/key/repair/submit-form", repairForm(building, phone),
				"Authorization", basic("agent"));
	}

	private static String repairForm(String building, String phone) {
		return """
				{"variables": {"channel": {"value": "phone"}, "reporterName": {"value": "刘先生"},
				 "reporterPhone": {"value": "%s"}, "building": {"value": "%s"}, "unit": {"value": ""},
				 "category": {"value": "plumbing"}, "description": {"value": "厨房水龙头漏水"}}}""".formatted(phone, building);
	}

}
