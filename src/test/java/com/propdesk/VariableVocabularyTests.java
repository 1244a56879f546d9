package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.system.Var;

/**
 * Every variable a form or a diagram names is one the code knows as a {@link Var} (or, in an
 * expression, a PropDesk bean): renaming a variable on one side only fails here, not in a running case.
 */
class VariableVocabularyTests {

	/** EL's own words, which are not variables. */
	private static final Set<String> EL_WORDS = Set.of("null", "true", "false", "empty", "not", "and", "or", "eq", "ne",
			"lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

	/** An identifier that is not a property ({@code triage.decided}) and not inside a string literal. */
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)");

	static Set<String> vocabulary;

	static Set<String> beans;

	@BeforeAll
	static void readTheCode() throws Exception {
		ClassPathScanningCandidateComponentProvider everyClass = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		everyClass.addIncludeFilter((reader, factory) -> !reader.getClassMetadata().getClassName().contains("Tests"));
		vocabulary = new TreeSet<>();
		for (var definition : everyClass.findCandidateComponents("com.propdesk")) {
			for (Field field : Class.forName(definition.getBeanClassName()).getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					field.setAccessible(true);
					collect(field.get(null), vocabulary);
				}
			}
		}
		ClassPathScanningCandidateComponentProvider components = new ClassPathScanningCandidateComponentProvider(false);
		components.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		beans = new HashSet<>();
		components.findCandidateComponents("com.propdesk").forEach(d -> beans.add(names.generateBeanName(d, registry)));
	}

	private static void collect(Object value, Set<String> into) throws Exception {
		if (value instanceof Var<?> variable) {
			into.add(variable.name());
		}
		else if (value instanceof Collection<?> values) {
			for (Object element : values) {
				collect(element, into);
			}
		}
		else if (value != null && value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				if (Var.class.isAssignableFrom(component.getType())) {
					collect(component.getAccessor().invoke(value), into);
				}
			}
		}
	}

	static Stream<Path> forms() throws IOException {
		return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
	}

	static Stream<Path> diagrams() throws IOException {
		return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("forms")
	void everyFormFieldNamesAKnownVariable(Path form) throws IOException {
		List<String> keys = new ArrayList<>();
		fieldKeys(new ObjectMapper().readTree(form.toFile()), keys);

		assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(vocabulary).as("variable of field " + key).contains(key));
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void everyExpressionNamesAKnownVariableOrBean(Path diagram) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher expression = EXPRESSION.matcher(Files.readString(diagram));
		while (expression.find()) {
			Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
			while (identifier.find()) {
				names.add(identifier.group(1));
			}
		}
		names.removeAll(EL_WORDS);

		assertThat(names).allSatisfy(name -> assertThat(vocabulary.contains(name) || beans.contains(name))
				.as(name + " in an expression of " + diagram).isTrue());
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void everyInputParameterAndResultVariableIsKnown(Path diagram) {
		BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
		Set<String> names = new TreeSet<>();
		model.getModelElementsByType(CamundaInputParameter.class).forEach(p -> names.add(p.getCamundaName()));
		model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> names.add(p.getCamundaName()));
		model.getModelElementsByType(BusinessRuleTask.class).stream().map(BusinessRuleTask::getCamundaResultVariable)
				.filter(v -> v != null).forEach(names::add);

		assertThat(names).allSatisfy(name -> assertThat(vocabulary).as("in " + diagram).contains(name));
	}

	private static void fieldKeys(JsonNode node, List<String> keys) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			fieldKeys(component, keys);
		}
	}

}
