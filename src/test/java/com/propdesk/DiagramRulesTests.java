package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules every diagram in the repository keeps, read from the files as a manager leaves them. */
class DiagramRulesTests {

	static Stream<Path> diagrams() throws Exception {
		return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
	}

	/** With authorizations on, a task nobody's group is offered is a task nobody can see. */
	@ParameterizedTest
	@MethodSource("diagrams")
	void everyUserTaskIsOfferedToAGroup(Path diagram) {
		BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

		assertThat(model.getModelElementsByType(UserTask.class))
				.allSatisfy(task -> assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank());
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void elementsHaveChineseNamesAndReadableIds(Path diagram) {
		BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());

		assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)).allSatisfy(node -> {
			assertThat(node.getId()).as("readable id").matches("(StartEvent|Event|Task|Gateway|Timer|Message)_[A-Z][A-Za-z]+");
			assertThat(node.getName()).as(node.getId()).isNotBlank().matches(".*\\p{IsHan}.*");
		});
	}

}
