package com.propdesk.system;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The decision tables' FEEL parsed once per text, not at every evaluation. Camunda's FEEL engine parses each input
 * entry and output expression anew whenever a table is evaluated; under intake load (JFR, 4 clients) that parsing was
 * nearly all of the decision tables' time, and a repair's triage evaluates some forty entries. The parsed expression
 * is immutable and evaluated exactly as Camunda's own engine evaluates it (same variables, same input variable, same
 * errors); only the parse is kept, keyed by the expression's text, so an edited and redeployed table's new text is
 * parsed when it is first evaluated. The texts are those of deployed tables; the cache starts over should it ever
 * hold more than {@value #MAX_TEXTS}.
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

	static final int MAX_TEXTS = 20_000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getDmnEngineConfiguration() == null) {
			configuration.setDmnEngineConfiguration(
					(DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
		}
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn.getFeelEngineFactory() == null) {
			// made when the DMN engine is built, after the engine has given it its settings and custom functions
			dmn.setFeelEngineFactory(() -> dmn.isEnableFeelLegacyBehavior() ? new FeelEngineFactoryImpl().createInstance()
					: new Engine(Objects.requireNonNullElse(dmn.getFeelCustomFunctionProviders(), List.of())));
		}
	}

	/** Camunda's FEEL engine for decisions, with the parse of each text kept. */
	static final class Engine extends ScalaFeelEngine {

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		Engine(List<FeelCustomFunctionProvider> functions) {
			super(functions);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			return (T) value(evaluate(parsed(expressions, expression, feelEngine::parseExpression), new CustomContext() {

				@Override
				public VariableProvider variableProvider() {
					return new ContextVariableWrapper(variables);
				}

			}));
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
			var input = new StaticVariableProvider(
					new camundajar.impl.scala.collection.immutable.Map.Map1<String, Object>(INPUT_VARIABLE_NAME, inputVariable));
			var context = new ContextVariableWrapper(variables);
			Object value = value(evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), new CustomContext() {

				@Override
				public VariableProvider variableProvider() {
					return new CompositeVariableProvider(toScalaList(input, context));
				}

			}));
			return BoxesRunTime.unboxToBoolean(value);
		}

		/** How many texts are kept parsed. */
		int parsedTexts() {
			return expressions.size() + unaryTests.size();
		}

		private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> parses,
				String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
			if (parses.size() >= MAX_TEXTS) {
				parses.clear();
			}
			return parses.computeIfAbsent(expression, parse);
		}

		private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsed, CustomContext context) {
			if (parsed instanceof Right<Failure, ParsedExpression> right) {
				return feelEngine.eval(right.value(), context);
			}
			return new Left<>(((Left<Failure, ParsedExpression>) parsed).value());
		}

		private static Object value(Either<Failure, Object> result) {
			if (result instanceof Right<Failure, Object> right) {
				return right.value();
			}
			throw LOGGER.evaluationException(((Left<Failure, Object>) result).value().message());
		}

	}

}
