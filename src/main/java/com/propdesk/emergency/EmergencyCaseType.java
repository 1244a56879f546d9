package com.propdesk.emergency;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;
import com.propdesk.sla.SlaNames;

/** The emergency (紧急事件) as a case type; its categories are the incident types the plan library has plans for. */
@Component
@Order(3)
public class EmergencyCaseType extends CaseTypeDefinition {

	public static final Map<String, String> INCIDENT_TYPES = CodeLabels.of(
			"gas-leak", "燃气泄漏",
			"fire", "火情",
			"entrapment", "电梯困人",
			"other", "其他危及人身安全的情况",
			"burst-pipe", "爆管",
			"power-cut", "停电",
			"water-cut", "停水",
			"lift-failure", "电梯故障");

	/** What an emergency's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		ACKNOWLEDGED("值班确认"), PLAN("启用预案"), EVACUATED("疏散"),
		EXTERNAL_CALL("外部报警"), COMMAND("现场指挥"), PLAN_CHANGED("预案修订");

		private final String label;

		Timeline(String label) {
			this.label = label;
		}

		@Override
		public String label() {
			return label;
		}

	}

	EmergencyCaseType() {
		super(EmergencyProcess.KEY, "E", "紧急事件", INCIDENT_TYPES, Timeline.values());
	}

	public static String incidentLabel(String type) {
		return INCIDENT_TYPES.getOrDefault(type, type);
	}

	@Override
	public String categoryNoun() {
		return "事件类型";
	}

	/**
	 * An emergency's running clocks are its next steps (the duty officer's acknowledgement, the first investigation),
	 * not the end of the work: the owner is told when the next step is due, not that all will be done by then.
	 */
	@Override
	public String dueWording(String time) {
		return "紧急处置进行中，当前步骤须在 " + time + " 前完成";
	}

	@Override
	public boolean categoryRequired() {
		return true;
	}

	@Override
	public boolean needsBuilding() {
		return true;
	}

	/**
	 * The duty officer's acknowledgement and the equipment failure's investigation are timed; the life-safety steps
	 * are done at once, with no clock of their own, and so carry no due date (their P1 puts them first).
	 */
	@Override
	public Map<String, List<String>> taskDeadlines() {
		return Map.of(
				EmergencyProcess.ACKNOWLEDGE, List.of(SlaNames.EMERGENCY_ACKNOWLEDGEMENT),
				EmergencyProcess.ASSIGN_BY_HAND, List.of(SlaNames.INITIAL_INVESTIGATION),
				EmergencyProcess.ON_SITE, List.of(SlaNames.INITIAL_INVESTIGATION),
				EmergencyProcess.EVACUATE, List.of(),
				EmergencyProcess.EXTERNAL_CALL, List.of(),
				EmergencyProcess.COMMAND, List.of(),
				EmergencyProcess.RESOLVE, List.of(),
				EmergencyProcess.REVIEW, List.of(),
				EmergencyProcess.APPROVE_PLAN, List.of());
	}

}
