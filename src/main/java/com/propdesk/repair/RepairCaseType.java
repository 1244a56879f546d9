package com.propdesk.repair;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;
import com.propdesk.sla.SlaNames;

/**
 * The repair order (报修) as a case type. Its categories are also the technicians' skills, and the triage
 * table ({@code processes/repair-triage.dmn}) routes them.
 */
@Component
@Order(1)
public class RepairCaseType extends CaseTypeDefinition {

	public static final Map<String, String> CATEGORIES = CodeLabels.of(
			"plumbing", "给排水",
			"electrical", "电气",
			"lift", "电梯",
			"gas", "燃气",
			"fire", "消防",
			"door-access", "门禁",
			"hvac", "暖通空调",
			"structure", "土建门窗",
			"cleaning", "保洁",
			"security", "安保",
			"other", "其他");

	/** Categories whose failures are equipment failures (设施设备故障), investigated on site within 2 hours. */
	public static final Set<String> EQUIPMENT = Set.of("plumbing", "electrical", "lift", "gas", "fire", "door-access", "hvac");

	/** What a repair's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		CLASSIFIED("分类"), REPAIRED("维修完成"), HANDED_BACK("退回重派"),
		REJECTED("验收未通过"), PROMOTED("转紧急"), RETURN_VISIT("回访"), RESUMED("恢复维修"),
		RETURN_VISIT_PLANNED("安排回访");

		private final String label;

		Timeline(String label) {
			this.label = label;
		}

		@Override
		public String label() {
			return label;
		}

	}

	RepairCaseType() {
		super(RepairProcess.KEY, "R", "报修", CATEGORIES, Timeline.values());
	}

	@Override
	public boolean categoryRequired() {
		return true;
	}

	@Override
	public boolean needsBuilding() {
		return true;
	}

	/** The technician's steps are due by the job's response and investigation clocks, the rest by the resolution. */
	@Override
	public Map<String, List<String>> taskDeadlines() {
		return Map.of(
				RepairProcess.DESK_CLASSIFICATION, List.of(SlaNames.DESK_CLASSIFICATION),
				RepairProcess.ASSIGN_BY_HAND, List.of(SlaNames.INITIAL_INVESTIGATION, SlaNames.REPAIR_RESOLUTION),
				RepairProcess.ACCEPT_JOB, List.of(SlaNames.REPAIR_RESPONSE),
				RepairProcess.REPAIR, List.of(SlaNames.INITIAL_INVESTIGATION, SlaNames.REPAIR_RESOLUTION),
				RepairProcess.WAIT_TO_RESUME, List.of(SlaNames.REPAIR_RESOLUTION),
				RepairProcess.ACCEPTANCE, List.of(SlaNames.REPAIR_RESOLUTION),
				RepairProcess.RETURN_VISIT_TASK, List.of());
	}

}
