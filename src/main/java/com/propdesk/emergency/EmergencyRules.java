package com.propdesk.emergency;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.intake.TimelineKind;
import com.propdesk.security.Groups;
import com.propdesk.system.Step;
import com.propdesk.system.Var;

/**
 * The decisions of an emergency, without an engine: who owns a case under its plan, what the duty officer's page
 * and the residents' SMS say, what each step leaves in the timeline, what a plan change must contain. A rule broken by what staff typed throws
 * {@link IllegalArgumentException} with the message their form shows.
 */
final class EmergencyRules {

	/** Every emergency is P1. */
	static final String PRIORITY = "P1";

	private EmergencyRules() {
	}

	/** A life-safety incident is the duty officer's; an equipment failure is engineering's. */
	static String ownerGroup(EmergencyPlan plan) {
		return plan.lifeSafety() ? Groups.DUTY_OFFICER : Groups.ENGINEERING;
	}

	/** The skill an equipment failure needs from the technician dispatched to it; none for other incidents. */
	static String requiredSkill(String incidentType) {
		return EmergencyProcess.SKILLS.get(incidentType);
	}

	static String planNote(EmergencyPlan plan) {
		return "启用应急预案：" + plan.title() + " 第 " + plan.version() + " 版";
	}

	/** The duty officer's page; a drill says so first. */
	static String dutyPage(boolean drill, String caseNo, String incidentType, String building, String description) {
		return (drill ? "【演练】" : "【紧急】") + caseNo + " " + EmergencyCaseType.incidentLabel(incidentType) + " " + building
				+ "号楼：" + description;
	}

	/** The SMS every resident of the building gets. */
	static String residentsNotice(String building, String incidentType) {
		return "【紧急通知】" + building + "号楼发生" + EmergencyCaseType.incidentLabel(incidentType) + "，请保持冷静，听从物业工作人员指挥。";
	}

	/** The revised steps a plan change must have. */
	static String revisedSteps(String steps) {
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("修订预案时必须填写修订后的处置步骤");
		}
		return steps;
	}

	/** Contacts left empty in a plan change keep the current ones. */
	static String revisedContacts(String contacts, EmergencyPlan current) {
		return contacts.isEmpty() ? current.contacts() : contacts;
	}

	static String revisionNote(String caseNo, String findings) {
		return "复盘 " + caseNo + "：" + findings;
	}

	static String planChangedNote(EmergencyPlan next) {
		return "应急预案「" + next.title() + "」更新为第 " + next.version() + " 版";
	}

	/** The steps {@code recordEmergencyStepDelegate} records (its input {@code step}), by their names in the diagram. */
	static final Map<String, String> STEPS = orderedSteps();

	private static Map<String, String> orderedSteps() {
		Map<String, String> steps = new LinkedHashMap<>();
		steps.put("acknowledge", "值班确认");
		steps.put("evacuation", "疏散");
		steps.put("call", "拨打外部电话");
		steps.put("drill-call", "演练：不拨打");
		steps.put("command", "现场指挥");
		steps.put("on-site", "现场排查");
		return Collections.unmodifiableMap(steps);
	}

	/** {@link #STEPS} for the diagram editor. */
	static final class StepOptions implements Step.Options {

		@Override
		public Map<String, String> values() {
			return STEPS;
		}

	}

	/** What a step of the procedure leaves in the timeline; the acknowledgement also puts the case in progress. */
	record StepRecord(TimelineKind kind, String note, boolean inProgress) {
	}

	/**
	 * The timeline's line for a step the diagram names in {@code recordEmergencyStepDelegate}'s input {@code step}.
	 * @param text reads what the step's form filled in ("" when empty)
	 */
	static StepRecord step(String step, Function<Var<?>, String> text) {
		return switch (step) {
			case "acknowledge" -> new StepRecord(EmergencyCaseType.Timeline.ACKNOWLEDGED,
					"值班确认：" + text.apply(EmergencyProcess.ACK_NOTE), true);
			case "evacuation" -> line(EmergencyCaseType.Timeline.EVACUATED, "疏散：" + text.apply(EmergencyProcess.EVACUATION_NOTE));
			case "call" -> line(EmergencyCaseType.Timeline.EXTERNAL_CALL, "已拨打 " + text.apply(EmergencyProcess.CALLED_NUMBER)
					+ "（" + text.apply(EmergencyProcess.CALLED_AT) + "）：" + text.apply(EmergencyProcess.CALL_NOTE));
			case "drill-call" -> line(EmergencyCaseType.Timeline.EXTERNAL_CALL,
					"演练：未拨打外部电话（预案联系人：" + text.apply(EmergencyProcess.PLAN_CONTACTS) + "）");
			case "command" -> line(EmergencyCaseType.Timeline.COMMAND, "现场指挥：" + text.apply(EmergencyProcess.COMMAND_NOTE));
			case "on-site" -> line(CaseTimeline.DIAGNOSED, "现场排查（" + text.apply(DispatchTechnicianDelegate.TECHNICIAN) + "）："
					+ text.apply(EmergencyProcess.DIAGNOSIS));
			default -> throw new IllegalStateException("Unknown emergency step " + step);
		};
	}

	private static StepRecord line(TimelineKind kind, String note) {
		return new StepRecord(kind, note, false);
	}

	static String resolvedNote(String resolution) {
		return "险情处置完毕：" + resolution;
	}

	static String closedNote(String findings) {
		return "已办结（复盘：" + findings + "）";
	}

}
