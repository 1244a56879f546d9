package com.propdesk.mediation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CodeLabels;
import com.propdesk.intake.TimelineKind;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.sla.SlaNames;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * The neighbour dispute (邻里纠纷调解) as a case type: the reporter's {@code unit} and the other party's
 * {@code otherUnits}, each a unit of the estate, none twice.
 */
@Component
@Order(5)
public class MediationCaseType extends CaseTypeDefinition {

	public static final Map<String, String> CATEGORIES = CodeLabels.of(
			"noise", "噪音",
			"pets", "宠物",
			"leak", "楼上楼下漏水",
			"renovation", "装修损坏",
			"shared-space", "占用公共空间",
			"other", "其他");

	/** The most units a dispute's other party may name. */
	static final int MAX_OTHER_UNITS = 5;

	/** What a dispute's timeline records beyond the steps every case has; never a party's own words. */
	public enum Timeline implements TimelineKind {

		PARTIES("纠纷双方"), RECURRING("重复纠纷"), TALKED("分别谈话"), EVIDENCE("证据"), POLICE("社区警务室"),
		SETTLEMENT("调解方案"), RESPONSE("双方意见"), FOLLOW_UP("回访"), LONG_TERM("长效措施");

		private final String label;

		Timeline(String label) {
			this.label = label;
		}

		@Override
		public String label() {
			return label;
		}

	}

	private final RegistryRepository registry;

	MediationCaseType(RegistryRepository registry) {
		super(MediationProcess.KEY, "M", "邻里纠纷调解", CATEGORIES, Timeline.values());
		this.registry = registry;
	}

	@Override
	public String categoryNoun() {
		return "纠纷类别";
	}

	@Override
	public boolean needsBuilding() {
		return true;
	}

	@Override
	public Set<String> ownFields() {
		return Set.of("otherUnits");
	}

	/** The reporter's own unit and the other party's units: each a unit of the estate, and no unit on both sides or twice. */
	@Override
	public void validate(CaseRequest request, List<FieldProblem> problems) {
		if (TextRules.blank(request.unit())) {
			problems.add(new FieldProblem("unit", "邻里纠纷调解必填：报事人自己的房号"));
		}
		List<String> others = request.otherUnits();
		if (others == null || others.isEmpty()) {
			problems.add(new FieldProblem("otherUnits", "必填：对方的房号，如 [\"3-1101\"]"));
			return;
		}
		if (others.size() > MAX_OTHER_UNITS) {
			problems.add(new FieldProblem("otherUnits", "对方房号最多 " + MAX_OTHER_UNITS + " 个"));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (String other : others) {
			String problem = other == null ? "房号不能为空" : TextRules.problem(other, Lines.ONE, 32);
			if (problem != null) {
				problems.add(new FieldProblem("otherUnits", problem));
			}
			else if (registry.unit(other).isEmpty()) {
				problems.add(new FieldProblem("otherUnits", "没有这个单元：" + other));
			}
			else if (other.equals(request.unit())) {
				problems.add(new FieldProblem("otherUnits", "对方房号 " + other + " 与报事人的房号相同"));
			}
			else if (!seen.add(other)) {
				problems.add(new FieldProblem("otherUnits", "对方房号 " + other + " 填了两次"));
			}
		}
	}

	/** The talks are due by the first-contact clock (both parties within 24 h); nothing after them is timed. */
	@Override
	public Map<String, List<String>> taskDeadlines() {
		return Map.of(
				MediationProcess.TALK_REPORTER, List.of(SlaNames.MEDIATION_FIRST_CONTACT),
				MediationProcess.TALK_OTHER, List.of(SlaNames.MEDIATION_FIRST_CONTACT),
				MediationProcess.EVIDENCE, List.of(),
				MediationProcess.POLICE, List.of(),
				MediationProcess.PROPOSE, List.of(),
				MediationProcess.RESPONSES, List.of(),
				MediationProcess.LONG_TERM, List.of(),
				MediationProcess.FIRST_FOLLOW_UP, List.of(),
				MediationProcess.SECOND_FOLLOW_UP, List.of(),
				MediationProcess.CLOSE_IN_WRITING, List.of());
	}

	@Override
	public String dueWording(String time) {
		return "预计 " + time + " 前分别联系双方";
	}

}
