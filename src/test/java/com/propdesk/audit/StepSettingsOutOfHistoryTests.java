package com.propdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseService;

/**
 * A step's fixed settings (input parameters written as text in the diagram) leave no variable history; what a step
 * computes from the case, and the case's own variables (a task's card line among them), keep theirs.
 */
@PropDeskTest
class StepSettingsOutOfHistoryTests {

	private static final String DIAGRAM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://propdesk.com/test">
			  <bpmn:process id="step-settings" isExecutable="true" camunda:historyTimeToLive="P1D">
			    <bpmn:startEvent id="start"/>
			    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Task_Wait"/>
			    <bpmn:userTask id="Task_Wait" name="等待" camunda:candidateGroups="engineering">
			      <bpmn:extensionElements><camunda:inputOutput>
			        <camunda:inputParameter name="sla">repair-response</camunda:inputParameter>
			        <camunda:inputParameter name="reason">${note}</camunda:inputParameter>
			      </camunda:inputOutput></bpmn:extensionElements>
			    </bpmn:userTask>
			    <bpmn:sequenceFlow id="f2" sourceRef="Task_Wait" targetRef="end"/>
			    <bpmn:endEvent id="end"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	CaseService cases;

	@Test
	void aFixedSettingLeavesNoHistoryAComputedOneAndTheCasesVariablesDo() {
		String deployment = repositoryService.createDeployment().addString("step-settings.bpmn", DIAGRAM).deploy().getId();
		try {
			String instance = runtimeService.startProcessInstanceByKey("step-settings", Map.of("note", "等配件")).getId();

			assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("sla")
					.singleResult().getValue()).as("the step still has its setting while it runs").isEqualTo("repair-response");
			assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
					.extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("note", "reason", "caseCard");
			assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
					.extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
					.containsExactlyInAnyOrder("note", "reason", "caseCard");

			// the step ends: its variables go, and nothing of the setting reaches history then either
			taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
			assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
					.getEndTime()).isNotNull();
			assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
					.extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder("note", "reason", "caseCard");
			assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count())
					.isEqualTo(3);
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

	@Test
	void aRepairsHistoryHoldsNoClockOrEventSettings() {
		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
		String instance = cases.find(caseNo).orElseThrow().processInstanceId();

		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
				.extracting(HistoricVariableInstance::getName).contains("caseNo", "priority", "technician")
				.doesNotContain("sla", "from", "event");
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
				.extracting(HistoricDetail.class::cast).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
				.contains("caseNo").doesNotContain("sla", "from", "event");
	}

}
