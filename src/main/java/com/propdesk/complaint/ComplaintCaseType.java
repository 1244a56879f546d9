package com.propdesk.complaint;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;

/** The tiered complaint (投诉) as a case type; the {@code complaint-tier} table tiers by its category. */
@Component
@Order(2)
public class ComplaintCaseType implements CaseTypeDefinition {

	public static final Map<String, String> CATEGORIES = CodeLabels.of(
			"attitude", "服务态度",
			"sanitation", "环境卫生",
			"noise", "噪音扰民",
			"safety", "安全隐患",
			"property-damage", "财物损失",
			"repair-quality", "维修质量",
			"fees", "收费",
			"other", "其他");

	/** What a complaint's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		TIERED("tiered", "投诉分级"), REPEAT("repeat", "重复投诉"), REPLIED("replied", "书面答复"),
		REOPENED("reopened", "重新打开"), ROOT_CAUSE("root-cause", "根本原因"), IMPROVED("improved", "改进措施");

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
		return ComplaintProcess.KEY;
	}

	@Override
	public String prefix() {
		return "C";
	}

	@Override
	public String label() {
		return "投诉";
	}

	@Override
	public Map<String, String> categories() {
		return CATEGORIES;
	}

	@Override
	public String categoryNoun() {
		return "投诉类别";
	}

	@Override
	public List<TimelineKind> timelineKinds() {
		return List.of(Timeline.values());
	}

}
