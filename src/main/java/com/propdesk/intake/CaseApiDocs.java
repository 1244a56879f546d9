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

	static final Map<String, String> PRIORITIES = Map.of("P1", "危及生命或财产（爆管、火情、燃气、停电、困梯）", "P2", "影响日常生活（停水、堵塞）",
			"P3", "一般", "P4", "计划性");

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, String> types = Arrays.stream(CaseType.values())
				.collect(Collectors.toMap(CaseType::code, CaseType::label, (a, b) -> a, LinkedHashMap::new));
		Map<String, String> statuses = Arrays.stream(CaseStatus.values())
				.collect(Collectors.toMap(CaseStatus::code, CaseStatus::label, (a, b) -> a, LinkedHashMap::new));
		Map<String, String> priorities = new LinkedHashMap<>();
		PRIORITIES.keySet().stream().sorted().forEach(p -> priorities.put(p, PRIORITIES.get(p)));

		for (String schema : List.of("CaseRequest", "CaseReceipt", "CaseView")) {
			codes(openApi, schema, "type", types);
			codes(openApi, schema, "status", statuses);
			codes(openApi, schema, "channel", Channels.LABELS);
			codes(openApi, schema, "priority", priorities);
		}
	}

	/** Lists a property's codes as its enum and, with their labels, in its description. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void codes(OpenAPI openApi, String schemaName, String property, Map<String, String> labels) {
		Schema schema = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
				: openApi.getComponents().getSchemas().get(schemaName);
		Schema field = schema == null || schema.getProperties() == null ? null
				: (Schema) schema.getProperties().get(property);
		if (field == null) {
			return;
		}
		field.setEnum(List.copyOf(labels.keySet()));
		String listed = labels.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
				.collect(Collectors.joining("，"));
		field.setDescription((field.getDescription() == null ? "" : field.getDescription() + "：") + listed);
	}

}
