package com.propdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * system.FeelParsedOnce: the repository's decision tables decide the same with each FEEL text parsed once as with
 * Camunda's own FEEL engine, on inputs made from the tables' own words; errors are the same; a text is parsed once.
 */
class FeelParsedOnceTests {

	private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern TEXT = Pattern.compile("<text>([^<]*)</text>");

	private static final Pattern INPUT = Pattern.compile("<inputExpression[^>]*typeRef=\"(\\w+)\"[^>]*><text>(\\w+)</text>");

	@Test
	void everyRepositoryTableDecidesAsWithCamundasOwnFeel() throws IOException {
		DmnEngine camundas = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(() -> new FeelParsedOnce.Engine(List.of()));
		DmnEngine parsedOnce = configuration.buildEngine();
		assertThat(configuration.getFeelEngine()).isInstanceOf(FeelParsedOnce.Engine.class);

		List<Path> tables;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			tables = files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
		}
		assertThat(tables).hasSizeGreaterThanOrEqualTo(4);
		Random random = new Random(20261202);
		int matched = 0;
		for (Path table : tables) {
			String xml = Files.readString(table);
			List<String> words = new ArrayList<>(literals(xml));
			words.addAll(List.of("", "其他", "楼上漏水，天花板滴水", "P1", "P2", "P3", "P4"));
			DmnDecision ours;
			DmnDecision theirs;
			try (InputStream a = Files.newInputStream(table); InputStream b = Files.newInputStream(table)) {
				theirs = camundas.parseDecisions(a).get(0);
				ours = parsedOnce.parseDecisions(b).get(0);
			}
			Matcher inputs = INPUT.matcher(xml);
			Map<String, String> types = new HashMap<>();
			while (inputs.find()) {
				types.put(inputs.group(2), inputs.group(1));
			}
			for (int i = 0; i < 300; i++) {
				Map<String, Object> variables = new HashMap<>();
				types.forEach((name, type) -> variables.put(name, "boolean".equals(type) ? random.nextBoolean()
						: words.get(random.nextInt(words.size())) + (random.nextBoolean() ? ""
								: "，" + words.get(random.nextInt(words.size())))));
				Object expected = outcome(() -> camundas.evaluateDecisionTable(theirs, variables).getResultList());
				Object actual = outcome(() -> parsedOnce.evaluateDecisionTable(ours, variables).getResultList());
				assertThat(actual).as(table + " " + variables).isEqualTo(expected);
				matched += expected instanceof List<?> list && !list.isEmpty() ? 1 : 0;
			}
		}
		assertThat(matched).as("evaluations where a rule matched").isGreaterThan(300);
	}

	@Test
	void aTextThatDoesNotParseFailsAsInCamundasOwnFeelEveryTime() {
		var camundas = new ScalaFeelEngine(List.of());
		var parsedOnce = new FeelParsedOnce.Engine(List.of());
		VariableContext variables = Variables.createVariables().putValue("description", "漏水").asVariableContext();
		for (String broken : List.of("contains(?, ", "> > 3", "\"unclosed")) {
			Throwable expected = catchThrowable(() -> camundas.evaluateSimpleUnaryTests(broken, "description", variables));
			assertThat(expected).isInstanceOf(FeelException.class);
			for (int i = 0; i < 2; i++) {
				assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests(broken, "description", variables))
						.isInstanceOf(FeelException.class).hasMessage(expected.getMessage());
			}
		}
		Throwable expected = catchThrowable(() -> camundas.evaluateSimpleExpression("1 +", variables));
		assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("1 +", variables)).isInstanceOf(FeelException.class)
				.hasMessage(expected.getMessage());
	}

	@Test
	void eachTextIsParsedOnceAndEvaluatedWithTheVariablesOfEachCall() {
		var parsedOnce = new FeelParsedOnce.Engine(List.of());
		String test = "contains(?, \"漏水\") or category = \"plumbing\"";
		assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "description", Variables.createVariables()
				.putValue("description", "厨房漏水").putValue("category", "other").asVariableContext())).isTrue();
		assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "description", Variables.createVariables()
				.putValue("description", "灯不亮").putValue("category", "electrical").asVariableContext())).isFalse();
		assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "description", Variables.createVariables()
				.putValue("description", "灯不亮").putValue("category", "plumbing").asVariableContext())).isTrue();
		assertThat((Object) parsedOnce.evaluateSimpleExpression("priority + \"级\"", Variables.createVariables()
				.putValue("priority", "P1").asVariableContext())).isEqualTo("P1级");
		assertThat((Object) parsedOnce.evaluateSimpleExpression("priority + \"级\"", Variables.createVariables()
				.putValue("priority", "P2").asVariableContext())).isEqualTo("P2级");
		assertThat(parsedOnce.parsedTexts()).isEqualTo(2);
	}

	private static Set<String> literals(String xml) {
		Set<String> found = new LinkedHashSet<>();
		Matcher text = TEXT.matcher(xml);
		while (text.find()) {
			Matcher literal = LITERAL.matcher(text.group(1).replace("&quot;", "\""));
			while (literal.find()) {
				found.add(literal.group(1));
			}
		}
		return found;
	}

	/** The decision's result list, or the error's type and message. */
	private static Object outcome(java.util.function.Supplier<Object> evaluation) {
		try {
			return evaluation.get();
		}
		catch (RuntimeException e) {
			return e.getClass().getName() + ": " + e.getMessage();
		}
	}

}
