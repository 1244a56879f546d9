package com.propdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** The comparison on the repository's own files, without an engine: what a manager typically changes. */
class VersionComparisonTests {

	private static final String REPAIR = TestVersions.file("processes/repair.bpmn");

	private static VersionComparison.Element element(VersionComparison.ProcessDiff diff, String id) {
		return diff.elements().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void anUnchangedDiagramHasNoDifferences() {
		var diff = VersionComparison.processes(REPAIR, REPAIR);

		assertThat(diff.elements()).isEmpty();
		assertThat(diff.flows()).isEmpty();
	}

	@Test
	void timerFormCandidateGroupsAndConditionChangesAreListedPropertyByProperty() {
		String changed = TestVersions.replaceOnce(REPAIR, ">PT72H<", ">PT48H<");
		changed = TestVersions.replaceOnce(changed, "id=\"Task_Acceptance\" name=\"验收\" camunda:candidateGroups=\"service-desk\"",
				"id=\"Task_Acceptance\" name=\"验收\" camunda:candidateGroups=\"service-desk,duty-officer\"");
		changed = TestVersions.replaceOnce(changed, "camunda:formRef=\"repair-acceptance\"", "camunda:formRef=\"repair-acceptance-v2\"");
		changed = TestVersions.replaceOnce(changed, "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${accepted}<",
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${accepted and ownerConfirmation != null}<");

		var diff = VersionComparison.processes(REPAIR, changed);

		assertThat(diff.elements()).extracting(VersionComparison.Element::id)
				.containsExactlyInAnyOrder("Task_Acceptance", "Timer_FeedbackTimeout");
		assertThat(element(diff, "Task_Acceptance").properties()).extracting(VersionComparison.Property::label, VersionComparison.Property::before,
				VersionComparison.Property::after).containsExactly(
						tuple("表单", "repair-acceptance", "repair-acceptance-v2"),
						tuple("候选组", "service-desk", "service-desk,duty-officer"));
		assertThat(element(diff, "Timer_FeedbackTimeout").properties()).extracting(VersionComparison.Property::label, VersionComparison.Property::before,
				VersionComparison.Property::after).containsExactly(tuple("定时（时长）", "PT72H", "PT48H"));
		assertThat(diff.flows()).singleElement().satisfies(flow -> {
			assertThat(flow.id()).isEqualTo("Flow_Accepted");
			assertThat(flow.properties()).extracting(VersionComparison.Property::label).containsExactly("条件");
		});
	}

	@Test
	void aRemovedRuleIsListedWithItsCellsBefore() {
		String policy = TestVersions.file("processes/sla-policy.dmn");
		int start = policy.indexOf("<rule id=\"Rule_03\">");
		int end = policy.indexOf("</rule>", start) + "</rule>".length();
		String changed = policy.substring(0, start) + policy.substring(end);

		var diff = VersionComparison.decisions("sla-policy", policy, changed);

		assertThat(diff.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.id()).isEqualTo("Rule_03");
			assertThat(rule.change()).isEqualTo(VersionComparison.Change.removed);
			assertThat(rule.before()).containsEntry("优先级", "\"P2\"").containsEntry("目标时长", "\"PT30M\"");
			assertThat(rule.after()).isNull();
		});
		assertThat(diff.orderChanged()).isFalse();
		assertThat(diff.columns()).isEmpty();
	}

	@Test
	void aFormsTextBlockIsComparedAsStaffReadIt() {
		String form = TestVersions.file("forms/repair-accept.form");
		String text = form.substring(form.indexOf("\"text\": \"") + 9, form.indexOf("\"", form.indexOf("\"text\": \"") + 9));
		String changed = TestVersions.replaceOnce(form, "\"text\": \"" + text + "\"", "\"text\": \"### 接单确认\"");

		var diff = VersionComparison.forms(form, changed);

		assertThat(diff.fields()).singleElement().satisfies(element -> {
			assertThat(element.change()).isEqualTo(VersionComparison.Change.changed);
			assertThat(element.properties()).extracting(VersionComparison.Property::property, VersionComparison.Property::after)
					.containsExactly(tuple("text", "### 接单确认"));
		});
	}

}
