package com.propdesk.emergency;

import com.propdesk.security.Groups;

/**
 * The decisions of an emergency, without an engine: who owns a case under its plan, what the duty officer's page
 * and the residents' SMS say, what a plan change must contain. A rule broken by what staff typed throws
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

}
