package com.propdesk.manage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.evaluation.DecisionTableEvaluationHandler;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;

/**
 * A decision table tried on sample inputs before it is deployed: the deployment guard's verdict first (a table it
 * refuses is never evaluated — an expression could run code), then the engine's own DMN engine evaluates the parsed
 * XML as it would at run time, with nothing deployed or stored, and names the rules that matched.
 */
@Component
class DecisionTrial {

	/** An input a person can fill in: its expression reads one variable by name. */
	private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	static final int MAX_VALUE_LENGTH = 2000;

	@Schema(description = "命中的一条规则")
	record Match(@Schema(description = "规则编号", example = "Rule_02") String ruleId,
			@Schema(description = "规则在表中的行号，从 1 起") int row,
			@Schema(description = "规则的注释", example = "维修响应 P1 15 分钟") String annotation,
			@Schema(description = "这条规则的各输出，按输出名") Map<String, Object> outputs) {
	}

	@Schema(description = "试算结果")
	record Result(@Schema(description = "决策键") String decisionKey, @Schema(description = "决策名称") String decisionName,
			@Schema(description = "命中策略", example = "FIRST") String hitPolicy,
			@Schema(description = "命中的规则，按表中顺序；为空表示没有规则命中") List<Match> matched,
			@Schema(description = "决策结果：命中的第一条规则的输出；没有规则命中时为 null") Map<String, Object> outputs) {
	}

	private final DeploymentGuardPlugin guard;

	private final ProcessEngineConfigurationImpl engine;

	DecisionTrial(DeploymentGuardPlugin guard, ProcessEngineConfigurationImpl engine) {
		this.guard = guard;
		this.engine = engine;
	}

	/**
	 * @param decisionKey the decision to try; null for the file's first decision table
	 * @param inputs values by the variable each input reads; a missing one is null
	 */
	Result tryOut(String content, String decisionKey, Map<String, Object> inputs) {
		if (content == null || content.isBlank()) {
			throw new InvalidRequestException("content", "必填：决策表文件内容（DMN XML）");
		}
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		String fileName = (decisionKey == null || decisionKey.isBlank() ? "decision" : decisionKey.strip()) + ".dmn";
		List<String> refusals = guard.guard().verdict(Map.of(fileName, bytes));
		if (!refusals.isEmpty()) {
			throw new InvalidRequestException(refusals.stream().map(r -> new FieldProblem("content", "部署检查不允许，未试算：" + r))
					.toList());
		}
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException unreadable) {
			throw new InvalidRequestException("content", "不是有效的 DMN 决策表：" + unreadable.getMessage());
		}
		Decision decision = decision(model, decisionKey);
		DecisionTable table = (DecisionTable) decision.getExpression();
		Map<String, Object> variables = variables(table, inputs == null ? Map.of() : inputs);

		DmnDecisionTableEvaluationEvent evaluated;
		try {
			// in a command, as when the engine deploys: its DMN transformer reads the engine's settings from there
			evaluated = engine.getCommandExecutorTxRequired().execute(context -> {
				DmnDecision parsed = engine.getDmnEngine().parseDecision(decision.getId(), model);
				// the handler the engine runs for a decision table, called directly: its event names the matched rules
				return (DmnDecisionTableEvaluationEvent) new DecisionTableEvaluationHandler(engine.getDmnEngineConfiguration())
						.evaluate(parsed, Variables.fromMap(variables).asVariableContext());
			});
		}
		catch (RuntimeException failed) {
			throw new InvalidRequestException("content", "决策表无法计算（请检查表达式和输入）：" + failed.getMessage());
		}
		List<Rule> rules = new ArrayList<>(table.getRules());
		List<Match> matched = new ArrayList<>();
		for (DmnEvaluatedDecisionRule rule : evaluated.getMatchingRules()) {
			int index = indexOf(rules, rule.getId());
			Rule element = index < 0 ? null : rules.get(index);
			matched.add(new Match(rule.getId(), index + 1, element == null || element.getDescription() == null ? null
					: element.getDescription().getTextContent(), outputs(rule)));
		}
		return new Result(decision.getId(), decision.getName(), table.getHitPolicy().name(), matched,
				matched.isEmpty() ? null : matched.get(0).outputs());
	}

	/** The variables the table's inputs read, in column order, each once. */
	static Set<String> inputNames(DecisionTable table) {
		Set<String> names = new LinkedHashSet<>();
		for (Input input : table.getInputs()) {
			String name = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
					: input.getInputExpression().getText().getTextContent().strip();
			if (VARIABLE.matcher(name).matches()) {
				names.add(name);
			}
		}
		return names;
	}

	private static Decision decision(DmnModelInstance model, String decisionKey) {
		if (decisionKey != null && !decisionKey.isBlank()) {
			if (model.getModelElementById(decisionKey.strip()) instanceof Decision decision
					&& decision.getExpression() instanceof DecisionTable) {
				return decision;
			}
			throw new InvalidRequestException("decisionKey", "文件中没有决策表 " + decisionKey.strip());
		}
		return model.getModelElementsByType(Decision.class).stream().filter(d -> d.getExpression() instanceof DecisionTable)
				.findFirst().orElseThrow(() -> new InvalidRequestException("content", "文件中没有决策表"));
	}

	private static Map<String, Object> variables(DecisionTable table, Map<String, Object> inputs) {
		Set<String> names = inputNames(table);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Object> variables = new LinkedHashMap<>();
		names.forEach(name -> variables.put(name, null));
		inputs.forEach((name, value) -> {
			if (!names.contains(name)) {
				problems.add(new FieldProblem("inputs." + name, "决策表没有这个输入；可填：" + String.join("、", names)));
			}
			else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				problems.add(new FieldProblem("inputs." + name, "只能是文字、数字或 true/false"));
			}
			else if (value instanceof String text && text.length() > MAX_VALUE_LENGTH) {
				problems.add(new FieldProblem("inputs." + name, "过长：最多 " + MAX_VALUE_LENGTH + " 个字"));
			}
			else {
				variables.put(name, value);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return variables;
	}

	private static int indexOf(List<Rule> rules, String id) {
		for (int i = 0; i < rules.size(); i++) {
			if (rules.get(i).getId().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	private static Map<String, Object> outputs(DmnEvaluatedDecisionRule rule) {
		Map<String, Object> outputs = new LinkedHashMap<>();
		for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
			outputs.put(output.getOutputName() == null ? output.getId() : output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
		}
		return outputs;
	}

}
