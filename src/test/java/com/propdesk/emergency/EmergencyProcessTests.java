package com.propdesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.ProcessCoverage;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseStatus;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.CaseVariables;

/** One test per path through {@code processes/emergency.bpmn}, with the engine clock giving known times. */
@PropDeskTest
class EmergencyProcessTests extends CaseProcessTest {

	@RegisterExtension
	static ProcessCoverage coverage = new ProcessCoverage(EmergencyProcess.KEY, 0.9);

	@Autowired
	EmergencyPlans plans;

	@Autowired
	RegistryRepository registry;

	private ProcessInstance report(String building, String type, String description) {
		String caseNo = cases.open(new CaseRequest("emergency", "phone", "ph-" + UUID.randomUUID(),
				new CaseRequest.Reporter("值班电话", "13700000000"), building, null, type, description, null)).record().caseNo();
		return instance(caseNo);
	}

	/** As the duty officer starts a drill from Tasklist's start form. */
	private ProcessInstance drill(String building, String type) {
		identityService.setAuthentication("duty", List.of("duty-officer"));
		try {
			String id = runtimeService.startProcessInstanceByKey(EmergencyProcess.KEY, Map.of("channel", "phone",
					"reporterName", "吴值班主任", "reporterPhone", "13700000001", "building", building, "category", type,
					"description", "消防演练：模拟 " + building + " 号楼燃气泄漏", "drill", true)).getId();
			return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private ProcessInstance instance(String caseNo) {
		return instance(EmergencyProcess.KEY, caseNo);
	}

	private Task task(ProcessInstance instance, String activity) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
	}

	private int broadcastsOf(ProcessInstance instance) {
		return jdbc.queryForObject("select count(*) from notification where event_id = ?", Integer.class,
				"broadcast:" + caseNo(instance));
	}

	private void review(ProcessInstance emergency, boolean proposeChange) {
		complete(emergency, EmergencyProcess.REVIEW, "manager", "findings", "响应及时，疏散顺序需优化",
				"proposePlanChange", proposeChange, "newSteps", proposeChange ? "1. 关闭燃气总阀；2. 先疏散独居老人；3. 报燃气公司" : "");
	}

	@Test
	void gasLeakRunsThePlanInParallelAndBroadcastsToTheBuilding() {
		ProcessInstance emergency = report("2", "gas-leak", "2 号楼 3 单元燃气味很重");

		assertThat(emergency).isWaitingAt(EmergencyProcess.ACKNOWLEDGE).variables()
				.containsEntry(EmergencyProcess.PLAN_VERSION.name(), plans.current("gas-leak").orElseThrow().version())
				.containsEntry(EmergencyProcess.LIFE_SAFETY.name(), true).containsEntry(EmergencyProcess.DRILL.name(), false);
		assertThat(candidateGroups(task(emergency, EmergencyProcess.ACKNOWLEDGE))).containsExactly("duty-officer");
		assertThat(slas.clock(caseNo(emergency), SlaNames.EMERGENCY_ACKNOWLEDGEMENT).orElseThrow().dueAt())
				.isEqualTo(TestClock.DAY.plusMinutes(5));
		assertThat(timeline(emergency)).anySatisfy(line -> assertThat(line).startsWith("plan:启用应急预案：燃气泄漏 第 "));

		TestClock.advance(Duration.ofMinutes(2));
		complete(emergency, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认，按预案处置");

		assertThat(slas.clock(caseNo(emergency), SlaNames.EMERGENCY_ACKNOWLEDGEMENT).orElseThrow().state())
				.isEqualTo(SlaClock.State.MET);
		assertThat(candidateGroups(task(emergency, EmergencyProcess.EVACUATE))).containsExactly("security");
		assertThat(candidateGroups(task(emergency, EmergencyProcess.EXTERNAL_CALL))).containsExactly("duty-officer");
		assertThat(candidateGroups(task(emergency, EmergencyProcess.COMMAND))).containsExactly("management");
		int residents = registry.residentsOfBuilding("2").size();
		assertThat(broadcastsOf(emergency)).isEqualTo(residents).isPositive();
		assertThat(timeline(emergency)).anySatisfy(line -> assertThat(line).startsWith("broadcast:短信通知 " + residents + " 户住户"));

		complete(emergency, EmergencyProcess.EVACUATE, "guard", "evacuationNote", "3 单元 36 户已疏散");
		complete(emergency, EmergencyProcess.EXTERNAL_CALL, "duty", "calledNumber", "96777", "calledAt", "10:04", "callNote",
				"燃气公司 20 分钟到场");
		complete(emergency, EmergencyProcess.COMMAND, "manager", "commandNote", "周经理到场指挥");
		assertThat(timeline(emergency)).contains("external-call:已拨打 96777（10:04）：燃气公司 20 分钟到场");
		complete(emergency, EmergencyProcess.RESOLVE, "duty", "resolution", "燃气公司已修复阀门");
		review(emergency, false);

		assertThat(emergency).hasPassed(EmergencyProcess.END_CLOSED).isEnded();
		assertThat(cases.find(caseNo(emergency)).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void liftEntrapmentReportedAsARepairIsPromotedToAnEmergency() {
		String repairNo = cases.open(Reports.repair("5", "5-101", "lift", "电梯停在 8 楼，有人被困在电梯里")).record().caseNo();

		String emergencyNo = cases.links(repairNo).get(0).caseNo();
		ProcessInstance emergency = instance(emergencyNo);
		assertThat(cases.find(repairNo).orElseThrow().status()).isEqualTo(CaseStatus.PROMOTED);
		assertThat(emergency).isWaitingAt(EmergencyProcess.ACKNOWLEDGE).variables()
				.containsEntry(CaseVariables.CATEGORY.name(), "entrapment").containsEntry(EmergencyProcess.PLAN_TITLE.name(), "电梯困人");
		assertThat(cases.links(emergencyNo)).extracting(l -> l.caseNo() + ":" + l.relation()).containsExactly(repairNo + ":opened-from");
	}

	@Test
	void equipmentFailureIsInvestigatedInTimeAndTheReviewShowsTheTimes() {
		ProcessInstance emergency = report("1", "burst-pipe", "1 号楼地下室水管爆裂，水在漫");
		TestClock.advance(Duration.ofMinutes(3));
		complete(emergency, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认");

		Task onSite = task(emergency, EmergencyProcess.ON_SITE);
		assertThat(onSite.getAssignee()).as("the day shift's plumber in building 1").isEqualTo("engineer");
		assertThat(slas.clock(caseNo(emergency), SlaNames.INITIAL_INVESTIGATION).orElseThrow().escalateTo())
				.isEqualTo("management");
		assertThat(broadcastsOf(emergency)).isZero();

		TestClock.advance(Duration.ofMinutes(37));
		complete(emergency, EmergencyProcess.ON_SITE, "engineer", "diagnosis", "主管道三通破裂，已关阀");
		assertThat(slas.clock(caseNo(emergency), SlaNames.INITIAL_INVESTIGATION).orElseThrow().breached()).isFalse();
		TestClock.advance(Duration.ofMinutes(50));
		complete(emergency, EmergencyProcess.RESOLVE, "duty", "resolution", "更换三通，恢复供水");

		assertThat(emergency).isWaitingAt(EmergencyProcess.REVIEW).variables()
				.containsEntry("reviewAcknowledge", "3 分钟").containsEntry("reviewDispatch", "3 分钟")
				.containsEntry("reviewOnSite", "40 分钟").containsEntry("reviewResolution", "1 小时 30 分钟")
				.containsEntry("reviewBreaches", "无").containsEntry("reviewParticipants", "duty、engineer");

		int version = plans.current("burst-pipe").orElseThrow().version();
		review(emergency, true);
		complete(emergency, EmergencyProcess.APPROVE_PLAN, "manager", "planApproved", true, "approvalNote", "同意");

		assertThat(emergency).isEnded();
		EmergencyPlan next = plans.current("burst-pipe").orElseThrow();
		assertThat(next.version()).isEqualTo(version + 1);
		assertThat(next.steps()).startsWith("1. 关闭燃气总阀");
		assertThat(next.changedBy()).isEqualTo("manager");
		assertThat(next.changeNote()).contains(caseNo(emergency));
	}

	@Test
	void investigationNotDoneInTwoHoursEscalatesToManagement() {
		ProcessInstance emergency = report("4", "power-cut", "4 号楼整栋停电");
		complete(emergency, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认");
		String watcher = letClockRunOut(caseNo(emergency), SlaNames.INITIAL_INVESTIGATION).getId();

		assertThat(slas.clock(caseNo(emergency), SlaNames.INITIAL_INVESTIGATION).orElseThrow().escalatedTo())
				.isEqualTo("management");
		assertThat(candidateGroups(taskService.createTaskQuery().processInstanceId(watcher).singleResult()))
				.containsExactly("management");
		assertThat(emergency).isWaitingAt(EmergencyProcess.ON_SITE);
	}

	@Test
	void drillRunsTheSameProcedureWithoutCallingOutOrTellingResidents() {
		ProcessInstance emergency = drill("3", "gas-leak");
		complete(emergency, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "演练开始");

		assertThat(task(emergency, EmergencyProcess.EXTERNAL_CALL)).as("no outside call in a drill").isNull();
		assertThat(broadcastsOf(emergency)).as("no resident is told").isZero();
		assertThat(jdbc.queryForObject("select count(*) from notification where case_no = ? and kind = 'SMS' "
				+ "and recipient <> '13700000001'", Integer.class, caseNo(emergency))).isZero();
		assertThat(jdbc.queryForObject("select drill from case_record where case_no = ?", Boolean.class, caseNo(emergency)))
				.isTrue();
		assertThat(timeline(emergency)).anySatisfy(line -> assertThat(line).startsWith("drill:演练"))
				.anySatisfy(line -> assertThat(line).startsWith("external-call:演练：未拨打外部电话"));

		complete(emergency, EmergencyProcess.EVACUATE, "guard", "evacuationNote", "演练疏散完成");
		complete(emergency, EmergencyProcess.COMMAND, "manager", "commandNote", "演练指挥");
		complete(emergency, EmergencyProcess.RESOLVE, "duty", "resolution", "演练结束");
		complete(emergency, EmergencyProcess.REVIEW, "manager", "findings", "演练顺利", "proposePlanChange", true,
				"newSteps", "演练建议的步骤");
		complete(emergency, EmergencyProcess.APPROVE_PLAN, "manager", "planApproved", false, "approvalNote", "暂不修订");
		assertThat(emergency).isEnded();
	}

	@Test
	void withNobodyOnDutyTheDutyOfficerAssignsATechnicianByHand() {
		// by day only 刘师傅 repairs lifts; he is on leave
		var liu = registry.technician("engineer2").orElseThrow();
		registry.save(new com.propdesk.registry.Estate.Technician(liu.username(), liu.name(), liu.department(), liu.skills(),
				liu.zone(), liu.baseBuilding(), liu.shift(), false));
		try {
			ProcessInstance emergency = report("3", "lift-failure", "3 号楼电梯停运，无人被困");
			complete(emergency, EmergencyProcess.ACKNOWLEDGE, "duty", "ackNote", "已确认");

			assertThat(candidateGroups(task(emergency, "Task_AssignByHand"))).containsExactly("duty-officer");
			complete(emergency, "Task_AssignByHand", "duty", "technician", "engineer");
			assertThat(task(emergency, EmergencyProcess.ON_SITE).getAssignee()).isEqualTo("engineer");
		}
		finally {
			registry.save(liu);
		}
	}

}
