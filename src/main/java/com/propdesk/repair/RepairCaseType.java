package com.propdesk.repair;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;

/**
 * The repair order (报修) as a case type. Its categories are also the technicians' skills, and the triage
 * table ({@code processes/repair-triage.dmn}) routes them.
 */
@Component
@Order(1)
public class RepairCaseType implements CaseTypeDefinition {

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

	/** What a repair's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		CLASSIFIED("classified", "分类"), REPAIRED("repaired", "维修完成"), HANDED_BACK("handed-back", "退回重派"),
		REJECTED("rejected", "验收未通过"), PROMOTED("promoted", "转紧急"), RETURN_VISIT("return-visit", "回访"),
		RETURN_VISIT_PLANNED("return-visit-planned", "安排回访");

		private final String code;

		private final String label;

		Timeline(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}

	}

	@Override
	public String key() {
		return RepairProcess.KEY;
	}

	@Override
	public String prefix() {
		return "R";
	}

	@Override
	public String label() {
		return "报修";
	}

	@Override
	public Map<String, String> categories() {
		return CATEGORIES;
	}

	@Override
	public boolean categoryRequired() {
		return true;
	}

	@Override
	public boolean needsBuilding() {
		return true;
	}

	@Override
	public List<TimelineKind> timelineKinds() {
		return List.of(Timeline.values());
	}

}
