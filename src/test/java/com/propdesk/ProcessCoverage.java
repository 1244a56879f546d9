package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The coverage gate of a process test class: the flow nodes its tests passed, read from the
 * engine's history, must be at least the given share of the diagram's flow nodes. Prints the figure
 * and the nodes no test reached, and writes them to {@code target/process-coverage/<key>.txt}.
 */
public class ProcessCoverage implements BeforeAllCallback, AfterAllCallback {

	private final String processKey;

	private final double minimum;

	private Set<String> before;

	public ProcessCoverage(String processKey, double minimum) {
		this.processKey = processKey;
		this.minimum = minimum;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		before = instanceIds(engine(context).getHistoryService());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		ProcessEngine engine = engine(context);
		HistoryService history = engine.getHistoryService();
		ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
				.processDefinitionKey(processKey).latestVersion().singleResult();
		Set<String> nodes = engine.getRepositoryService().getBpmnModelInstance(definition.getId())
				.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
				.collect(Collectors.toCollection(TreeSet::new));
		Set<String> passed = new TreeSet<>();
		for (String instance : instanceIds(history)) {
			if (!before.contains(instance)) {
				history.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream()
						.map(HistoricActivityInstance::getActivityId).forEach(passed::add);
			}
		}
		passed.retainAll(nodes);
		Set<String> missed = new TreeSet<>(nodes);
		missed.removeAll(passed);
		double ratio = (double) passed.size() / nodes.size();
		String report = "%s: %d of %d flow nodes covered (%.0f %%); not reached: %s%n".formatted(processKey,
				passed.size(), nodes.size(), ratio * 100, missed);
		System.out.print("Process coverage " + report);
		Path file = Path.of("target", "process-coverage", processKey + ".txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		assertThat(ratio).as(report).isGreaterThanOrEqualTo(minimum);
	}

	private Set<String> instanceIds(HistoryService history) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
				.map(HistoricProcessInstance::getId).collect(Collectors.toSet());
	}

	private static ProcessEngine engine(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
	}


}
