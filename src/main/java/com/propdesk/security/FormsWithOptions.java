package com.propdesk.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.system.FormFacts;
import com.propdesk.system.FormOptions;

/**
 * Fills a form's selects that name a {@link FormOptions} source by {@code valuesKey} with that source's options when
 * the form is fetched — by Tasklist through {@code deployed-form} and {@code deployed-start-form} — so the options
 * are today's (the estate's buildings, the technicians on duty now) and never copies in the form file or process
 * variables. Done here, where the form is served, because Tasklist 7.24 loads no variables for a start form: a
 * {@code valuesKey} read from variables would leave a start form's select empty. A task's form variables get the
 * values a {@link FormFacts} source reads for its process (what an internal process's task shows of its case).
 */
final class FormsWithOptions extends FormServiceImpl {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Supplier<Map<String, FormOptions>> sources;

	private final Supplier<Map<String, FormFacts>> facts;

	FormsWithOptions(Supplier<Map<String, FormOptions>> sources, Supplier<Map<String, FormFacts>> facts) {
		this.sources = sources;
		this.facts = facts;
	}

	@Override
	public VariableMap getTaskFormVariables(String taskId, Collection<String> names, boolean deserializeObjectValues) {
		// the engine's own read first: whoever may not read the task's variables is refused there
		VariableMap variables = super.getTaskFormVariables(taskId, names, deserializeObjectValues);
		return commandExecutor.execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			FormFacts source = task == null || task.getProcessDefinitionId() == null ? null
					: facts.get().get(task.getProcessDefinition().getKey());
			if (source != null) {
				source.facts(task).forEach((name, value) -> {
					if (names == null || names.contains(name)) {
						variables.putValue(name, value);
					}
				});
			}
			return variables;
		});
	}

	@Override
	public InputStream getDeployedStartForm(String processDefinitionId) {
		return filled(super.getDeployedStartForm(processDefinitionId), source -> source.options(null));
	}

	@Override
	public InputStream getDeployedTaskForm(String taskId) {
		InputStream form = super.getDeployedTaskForm(taskId);
		// the task's variables are read inside a command (an entity outside one cannot load them)
		return commandExecutor.execute(context -> {
			VariableScope task = context.getTaskManager().findTaskById(taskId);
			return filled(form, source -> source.options(task));
		});
	}

	private InputStream filled(InputStream form, Function<FormOptions, List<FormOptions.Option>> options) {
		try (form) {
			byte[] deployed = form.readAllBytes();
			JsonNode root = JSON.readTree(deployed);
			// a form without options from data is served as deployed
			return new ByteArrayInputStream(fill(root, sources.get(), options) ? JSON.writeValueAsBytes(root) : deployed);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @return whether a select was filled */
	private static boolean fill(JsonNode node, Map<String, FormOptions> sources,
			Function<FormOptions, List<FormOptions.Option>> options) {
		boolean filled = false;
		for (JsonNode component : node.path("components")) {
			FormOptions source = sources.get(component.path("valuesKey").asText(""));
			if (source != null && component instanceof ObjectNode select) {
				select.remove("valuesKey");
				var values = select.putArray("values");
				options.apply(source).forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
				filled = true;
			}
			filled |= fill(component, sources, options);
		}
		return filled;
	}

}
