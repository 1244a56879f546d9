package com.propdesk.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the forms of a deployment call their fields, for auditors reading a variable change: the label staff saw
 * (责任部门 for {@code responsibleDepartment}) and, for a field with fixed options, the option's label for a value
 * (工程部 for {@code engineering}); a checkbox's true and false as 是 and 否. Read from the deployment the case's
 * process ran from, so a case reads the words of its own version. A variable no form names keeps its name.
 */
@Component
class FormWords {

	/**
	 * A form field as staff saw it: its label, the labels of its fixed options by value, and whether its options came
	 * from the case ({@code valuesKey}: the technicians on duty, the buildings), which the form no longer holds.
	 */
	record Field(String label, Map<String, String> options, boolean caseOptions) {

		/** The value as the form offered it: an option's label, 是 or 否 for a checkbox; else the value itself. */
		Object word(Object value) {
			if (value instanceof Boolean flag && options.isEmpty()) {
				return flag ? "是" : "否";
			}
			return value != null && options.containsKey(value.toString()) ? options.get(value.toString()) : value;
		}

	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final RepositoryService repository;

	/** The fields by deployment: a deployment never changes, so each is read once. */
	private final Map<String, Map<String, Field>> read = new ConcurrentHashMap<>();

	FormWords(RepositoryService repository) {
		this.repository = repository;
	}

	/** The fields of the forms deployed with a process definition. */
	Map<String, Field> ofDefinition(String processDefinitionId) {
		return of(repository.getProcessDefinition(processDefinitionId).getDeploymentId());
	}

	/** The fields of every form in the deployment, by key; where two forms label one key differently, the first. */
	Map<String, Field> of(String deploymentId) {
		return read.computeIfAbsent(deploymentId, this::read);
	}

	private Map<String, Field> read(String deploymentId) {
		Map<String, Field> fields = new HashMap<>();
		for (String name : repository.getDeploymentResourceNames(deploymentId)) {
			if (name.endsWith(".form")) {
				try (InputStream form = repository.getResourceAsStream(deploymentId, name)) {
					collect(JSON.readTree(form), fields);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return Map.copyOf(fields);
	}

	private static void collect(JsonNode node, Map<String, Field> fields) {
		for (JsonNode component : node.path("components")) {
			String label = component.path("label").asText("").trim();
			if (component.hasNonNull("key") && !label.isEmpty()) {
				Map<String, String> options = new LinkedHashMap<>();
				for (JsonNode option : component.path("values")) {
					options.put(option.path("value").asText(), option.path("label").asText());
				}
				fields.putIfAbsent(component.get("key").asText(), new Field(label, options, component.has("valuesKey")));
			}
			collect(component, fields);
		}
	}

}
