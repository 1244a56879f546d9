package com.propdesk.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.system.Var;

import com.propdesk.security.Groups;

/** The decisions of an emergency, without an engine: who owns it, what is sent, what a plan change needs. */
class EmergencyRulesTests {

	static EmergencyPlan plan(boolean lifeSafety) {
		return new EmergencyPlan("gas-leak", 2, "燃气泄漏处置预案", lifeSafety, "关阀；疏散", "燃气公司 96777", "manager", null, null);
	}

	@Test
	void aLifeSafetyIncidentIsTheDutyOfficersAndAFailureEngineerings() {
		assertThat(EmergencyRules.ownerGroup(plan(true))).isEqualTo(Groups.DUTY_OFFICER);
		assertThat(EmergencyRules.ownerGroup(plan(false))).isEqualTo(Groups.ENGINEERING);
		assertThat(EmergencyRules.requiredSkill("burst-pipe")).isEqualTo("plumbing");
		assertThat(EmergencyRules.requiredSkill("lift-failure")).isEqualTo("lift");
		assertThat(EmergencyRules.requiredSkill("gas-leak")).isNull();
	}

	@Test
	void thePageSaysWhetherItIsADrill() {
		assertThat(EmergencyRules.dutyPage(false, "E-1", "gas-leak", "3", "闻到燃气味"))
				.isEqualTo("【紧急】E-1 " + EmergencyCaseType.incidentLabel("gas-leak") + " 3号楼：闻到燃气味");
		assertThat(EmergencyRules.dutyPage(true, "E-1", "gas-leak", "3", "演练")).startsWith("【演练】E-1 ");
		assertThat(EmergencyRules.planNote(plan(true))).isEqualTo("启用应急预案：燃气泄漏处置预案 第 2 版");
	}

	@Test
	void residentsAreToldTheBuildingAndTheIncident() {
		assertThat(EmergencyRules.residentsNotice("3", "fire"))
				.isEqualTo("【紧急通知】3号楼发生" + EmergencyCaseType.incidentLabel("fire") + "，请保持冷静，听从物业工作人员指挥。");
	}

	@Test
	void aPlanChangeNeedsStepsAndKeepsTheContactsItLeavesEmpty() {
		assertThat(EmergencyRules.revisedSteps("先关阀")).isEqualTo("先关阀");
		assertThatThrownBy(() -> EmergencyRules.revisedSteps("")).hasMessage("修订预案时必须填写修订后的处置步骤");
		assertThat(EmergencyRules.revisedContacts("", plan(true))).isEqualTo("燃气公司 96777");
		assertThat(EmergencyRules.revisedContacts("119", plan(true))).isEqualTo("119");
		assertThat(EmergencyRules.revisionNote("E-1", "关阀太慢")).isEqualTo("复盘 E-1：关阀太慢");
	}

	@Test
	void eachStepLeavesItsLineInTheTimelineAndTheAcknowledgementStartsTheWork() {
		Map<Var<?>, String> typed = Map.of(EmergencyProcess.ACK_NOTE, "已收到", EmergencyProcess.CALLED_NUMBER, "119",
				EmergencyProcess.CALLED_AT, "10:05", EmergencyProcess.CALL_NOTE, "已报警", EmergencyProcess.PLAN_CONTACTS, "燃气公司 96777",
				DispatchTechnicianDelegate.TECHNICIAN, "王师傅", EmergencyProcess.DIAGNOSIS, "阀门漏气");
		Function<Var<?>, String> text = v -> typed.getOrDefault(v, "");

		assertThat(EmergencyRules.step("acknowledge", text))
				.isEqualTo(new EmergencyRules.StepRecord(EmergencyCaseType.Timeline.ACKNOWLEDGED, "值班确认：已收到", true));
		assertThat(EmergencyRules.step("evacuation", text))
				.isEqualTo(new EmergencyRules.StepRecord(EmergencyCaseType.Timeline.EVACUATED, "疏散：", false));
		assertThat(EmergencyRules.step("call", text).note()).isEqualTo("已拨打 119（10:05）：已报警");
		assertThat(EmergencyRules.step("drill-call", text).note()).isEqualTo("演练：未拨打外部电话（预案联系人：燃气公司 96777）");
		assertThat(EmergencyRules.step("command", text).kind()).isEqualTo(EmergencyCaseType.Timeline.COMMAND);
		assertThat(EmergencyRules.step("on-site", text))
				.isEqualTo(new EmergencyRules.StepRecord(CaseTimeline.DIAGNOSED, "现场排查（王师傅）：阀门漏气", false));
		assertThatThrownBy(() -> EmergencyRules.step("dance", text)).isInstanceOf(IllegalStateException.class);
		// the diagram editor offers exactly the steps the delegate records: the two lists cannot drift apart
		assertThat(EmergencyRules.STEPS.keySet()).containsExactlyInAnyOrder("acknowledge", "evacuation", "call", "drill-call",
				"command", "on-site");
		EmergencyRules.STEPS.keySet().forEach(step -> assertThat(EmergencyRules.step(step, text)).isNotNull());
		assertThat(EmergencyRules.resolvedNote("已关阀")).isEqualTo("险情处置完毕：已关阀");
		assertThat(EmergencyRules.closedNote("关阀太慢")).isEqualTo("已办结（复盘：关阀太慢）");
	}

}
