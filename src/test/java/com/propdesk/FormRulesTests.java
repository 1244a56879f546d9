package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rules every task form keeps: it opens with the one case header ({@code forms/case-header.json}: number,
 * building, unit, reporter, phone, description, one label each), so that whoever works a task reads the case
 * without opening another screen and the same field is never called four names; and what a person may only
 * read is {@code readonly} (selectable, copyable, readable) rather than {@code disabled} (greyed out). A form
 * that lets the person fill one of the header's fields further down (the inquiry's building and unit, when the
 * desk turns it into a repair) leaves that field out of its header: form-js refuses a key twice.
 * Form-js 16, which Tasklist 7.24 renders, has no includes: the header is kept in each form and this test
 * keeps every copy equal to the one definition.
 */
class FormRulesTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static Stream<Path> taskForms() throws Exception {
		// a *-report form is a start form: its header fields are what the agent types in; a work round's form is about
		// a round of a recurring duty, not a case, and opens with the round instead; a shift handover is about a
		// shift, not one case, and has no case to head its forms
		return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form"))
				.filter(p -> !p.getFileName().toString().endsWith("-report.form"))
				.filter(p -> !p.getFileName().toString().startsWith("work-round-"))
				.filter(p -> !p.getFileName().toString().startsWith("shift-handover-"))
				.filter(p -> !p.getFileName().toString().startsWith("elderly-visit-")).sorted();
	}

	/** The task forms about a case; the monthly report's review is about a building's month and has no case. */
	static Stream<Path> caseTaskForms() throws Exception {
		return taskForms().filter(p -> !p.getFileName().toString().startsWith("monthly-report-"));
	}

	@ParameterizedTest
	@MethodSource("caseTaskForms")
	void opensWithTheOneCaseHeader(Path form) throws Exception {
		ObjectNode header = (ObjectNode) JSON.readTree(Path.of("forms", "case-header.json").toFile());
		List<JsonNode> components = new ArrayList<>();
		JSON.readTree(form.toFile()).path("components").forEach(components::add);
		JsonNode first = components.get(0).path("type").asText().equals("text") ? components.get(1) : components.get(0);
		List<String> filledBelow = keys(components.subList(components.indexOf(first) + 1, components.size()));

		((ArrayNode) header.get("components")).removeIf(field -> filledBelow.contains(field.path("key").asText()));
		assertThat(first).as("the case header of %s", form).isEqualTo(header);
	}

	@ParameterizedTest
	@MethodSource("taskForms")
	void displayOnlyFieldsAreReadonlyNotDisabled(Path form) throws Exception {
		assertThat(JSON.readTree(form.toFile()).findValues("disabled")).as("disabled fields in %s", form).isEmpty();
	}

	private static List<String> keys(List<JsonNode> components) {
		List<String> keys = new ArrayList<>();
		for (JsonNode component : components) {
			keys.addAll(component.findValuesAsText("key"));
		}
		return keys;
	}

}
