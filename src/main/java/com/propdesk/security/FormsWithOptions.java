package com.propdesk.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.FormServiceImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.system.FormOptions;

/**
 * Fills a form's selects that name a {@link FormOptions} source by {@code valuesKey} with that source's options when
 * the form is fetched — by Tasklist through {@code deployed-form} and {@code deployed-start-form} — so the options
 * are today's (the estate's buildings, the technicians on duty now) and never copies in the form file or process
 * variables. Done here, where the form is served, because Tasklist 7.24 loads no variables for a start form: a
 * {@code valuesKey} read from variables would leave a start form's select empty.
 */
final class FormsWithOptions extends FormServiceImpl {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Supplier<Map<String, FormOptions>> sources;

	FormsWithOptions(Supplier<Map<String, FormOptions>> sources) {
		this.sources = sources;
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
