package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.propdesk.manage.DiagramRules;
import com.propdesk.manage.DiagramRules.Rule;

/**
 * The repository's diagrams, read from the files as a manager leaves them, keep every one of PropDesk's diagram
 * rules — warnings included — the same rules the managers' editor shows before a diagram is deployed.
 */
class DiagramRulesTests {

	static Stream<Path> diagrams() throws Exception {
		return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void keepsPropDesksDiagramRules(Path diagram) {
		assertThat(DiagramRules.check(Bpmn.readModelFromFile(diagram.toFile()))).isEmpty();
	}

	/** The rules find what they are about, each on its element: a clean result above is not an empty check. */
	@Test
	void findEachBrokenRuleOnItsElement() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("sample").startEvent("StartEvent_Reported").name("已报告")
				.userTask("Activity_0x1f2ab").name("Check").camundaCandidateGroups("service-desk")
				.userTask("Task_CheckMeter").name("抄表")
				.intermediateCatchEvent("Timer_Wait").name("等待").timerWithDuration("72小时")
				.intermediateCatchEvent("Timer_Until").name("等到").timerWithDate("${dueAt}")
				.intermediateCatchEvent("Timer_Daily").name("每天").timerWithCycle("0 0 8 * * ?")
				.intermediateCatchEvent("Timer_Briefly").name("片刻").timerWithDuration("PT30M")
				.endEvent("Event_Done").name("完成").done();
		// the builder gives every process a time to live; a manager's file may have none
		model.<Process>getModelElementById("sample").setCamundaHistoryTimeToLiveString(null);

		assertThat(DiagramRules.check(model)).extracting(DiagramRules.Finding::rule, DiagramRules.Finding::elementId)
				.containsExactlyInAnyOrder(tuple(Rule.HISTORY_TIME_TO_LIVE, "sample"),
						tuple(Rule.READABLE_ID, "Activity_0x1f2ab"),
						tuple(Rule.CHINESE_NAME, "Activity_0x1f2ab"),
						tuple(Rule.CANDIDATE_GROUP, "Task_CheckMeter"),
						// read by the engine's own calendars: 72小时 would deploy and fail when a case reaches it
						tuple(Rule.TIMER, "Timer_Wait"));
	}

}
