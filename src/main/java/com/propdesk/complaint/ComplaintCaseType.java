package com.propdesk.complaint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/** The tiered complaint (投诉) as a case type; the {@code complaint-tier} table tiers by its category. */
@Component
@Order(2)
public class ComplaintCaseType extends CaseTypeDefinition {

	public static final Map<String, String> CATEGORIES = CodeLabels.of(
			"attitude", "服务态度",
			"sanitation", "环境卫生",
			"noise", "噪音扰民",
			"safety", "安全隐患",
			"property-damage", "财物损失",
			"repair-quality", "维修质量",
			"fees", "收费",
			"other", "其他");

	/** The longest {@code demand} and {@code subject} a complaint accepts. */
	static final int DEMAND = 1000, SUBJECT = 200;

	/** What a complaint's timeline records beyond the steps every case has. */
	public enum Timeline implements TimelineKind {

		TIERED("投诉分级"), REPEAT("重复投诉"), FIRST_CONTACT("首次联系"), PLANNED("管理层方案"), HANDLED("处理结果"), REPLIED("书面答复"),
		REOPENED("重新打开"), ROOT_CAUSE("根本原因"), IMPROVED("改进措施");

		private final String label;

		Timeline(String label) {
			this.label = label;
		}

		@Override
		public String label() {
			return label;
		}

	}

	ComplaintCaseType() {
		super(ComplaintProcess.KEY, "C", "投诉", CATEGORIES, Timeline.values());
	}

	@Override
	public Set<String> ownFields() {
		return Set.of("demand", "subject");
	}

	/** What the owner asks for and who or which department it is about: optional, one field each. */
	@Override
	public void validate(CaseRequest request, List<FieldProblem> problems) {
		TextRules.optional(problems, "demand", request.demand(), Lines.MANY, DEMAND);
		TextRules.optional(problems, "subject", request.subject(), Lines.ONE, SUBJECT);
	}

	@Override
	public String categoryNoun() {
		return "投诉类别";
	}

	/** The steps up to the written reply are due by the first-response and resolution clocks; after it, none. */
	@Override
	public Map<String, List<String>> taskDeadlines() {
		return Map.of(
				ComplaintProcess.FIRST_RESPONSE, List.of(SlaNames.COMPLAINT_FIRST_RESPONSE),
				ComplaintProcess.RESOLVE, List.of(SlaNames.COMPLAINT_RESOLUTION),
				ComplaintProcess.SET_PLAN, List.of(SlaNames.COMPLAINT_RESOLUTION),
				ComplaintProcess.EXECUTE_PLAN, List.of(SlaNames.COMPLAINT_RESOLUTION),
				ComplaintProcess.WRITTEN_REPLY, List.of(SlaNames.COMPLAINT_RESOLUTION),
				ComplaintProcess.SATISFACTION, List.of(),
				ComplaintProcess.MANAGEMENT_REVIEW, List.of(),
				ComplaintProcess.ROOT_CAUSE, List.of(),
				ComplaintProcess.IMPROVEMENT, List.of(),
				ComplaintProcess.ESCALATE_IMPROVEMENT, List.of());
	}

}
