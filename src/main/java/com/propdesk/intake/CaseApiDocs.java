package com.propdesk.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The case API's codes in its OpenAPI document — case types, channels, statuses, priorities — each with its Chinese
 * label, taken from the same enums and maps the API itself answers with, so the document cannot drift from them.
 */
@Component
class CaseApiDocs implements OpenApiCustomizer {

	private final CaseTypes caseTypes;

	CaseApiDocs(CaseTypes caseTypes) {
		this.caseTypes = caseTypes;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, String> types = caseTypes.all().stream().collect(Collectors.toMap(CaseTypeDefinition::key,
				CaseTypeDefinition::label, (a, b) -> a, LinkedHashMap::new));
		Map<String, String> statuses = Arrays.stream(CaseStatus.values())
				.collect(Collectors.toMap(CaseStatus::code, CaseStatus::label, (a, b) -> a, LinkedHashMap::new));

		for (String schema : List.of("CaseRequest", "CaseReceipt", "CaseView")) {
			codes(openApi, schema, "type", types);
			codes(openApi, schema, "status", statuses);
			codes(openApi, schema, "channel", Channels.LABELS);
			codes(openApi, schema, "priority", Priorities.LABELS);
			categories(openApi, schema);
		}
	}

	/** A category's codes depend on the case type: each type's list, in the field's description. */
	@SuppressWarnings("rawtypes")
	private void categories(OpenAPI openApi, String schemaName) {
		Schema field = property(openApi, schemaName, "category");
		if (field == null) {
			return;
		}
		String listed = caseTypes.all().stream()
				.filter(type -> !type.categories().isEmpty())
				.map(type -> type.key() + "：" + type.categories().entrySet().stream()
						.map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("，")))
				.collect(Collectors.joining("；"));
		field.setDescription((field.getDescription() == null ? "" : field.getDescription() + "。") + "按类型取值——" + listed);
	}

	@SuppressWarnings("rawtypes")
	private static Schema property(OpenAPI openApi, String schemaName, String property) {
		Schema schema = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
				: openApi.getComponents().getSchemas().get(schemaName);
		return schema == null || schema.getProperties() == null ? null : (Schema) schema.getProperties().get(property);
	}

	/** Lists a property's codes as its enum and, with their labels, in its description. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void codes(OpenAPI openApi, String schemaName, String property, Map<String, String> labels) {
		Schema field = property(openApi, schemaName, property);
		if (field == null) {
			return;
		}
		field.setEnum(List.copyOf(labels.keySet()));
		String listed = labels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining("，"));
		field.setDescription((field.getDescription() == null ? "" : field.getDescription() + "：") + listed);
	}

}
