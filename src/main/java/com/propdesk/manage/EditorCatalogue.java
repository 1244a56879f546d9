package com.propdesk.manage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.intake.CaseTypes;
import com.propdesk.manage.Versions.Kind;
import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.security.Groups;
import com.propdesk.system.Step;

/**
 * What the editors offer a manager, by the names staff use: the groups a task can be offered to, PropDesk's steps
 * (the delegates and listeners the deployment guard allows, by their {@link Step} names, with their inputs and the
 * values those take), the latest forms and decision tables a task can bind, and the case processes a call activity
 * may call.
 */
@Component
class EditorCatalogue {

	@Schema(description = "组")
	record Group(@Schema(description = "组编号", example = "engineering") String id,
			@Schema(description = "中文名", example = "工程部") String label) {
	}

	@Schema(description = "输入参数的一个可选值")
	record Option(@Schema(description = "值", example = "repair-response") String value,
			@Schema(description = "中文名", example = "维修响应") String label) {
	}

	@Schema(description = "步骤的输入参数（camunda:inputParameter）")
	record Input(@Schema(description = "参数名", example = "sla") String name, @Schema(description = "中文名", example = "时限") String label,
			@Schema(description = "可选值；可填任意文本或表达式时为空") List<Option> options) {
	}

	@Schema(description = "PropDesk 的一个步骤（流程图以 delegateExpression 引用的组件）")
	record StepEntry(@Schema(description = "组件名，流程图中写作 ${组件名}", example = "startSlaClock") String bean,
			@Schema(description = "中文名", example = "开始计时") String label,
			@Schema(description = "用法：service 服务任务，task-listener 任务监听器，execution-listener 执行监听器") String kind,
			@Schema(description = "输入参数") List<Input> inputs) {
	}

	@Schema(description = "表单（最新版本）")
	record Form(@Schema(description = "表单 id（camunda:formRef）", example = "repair-accept") String id,
			@Schema(description = "标题：表单第一个标题的文字，没有标题时为 id", example = "接单") String title) {
	}

	@Schema(description = "决策表（最新版本）")
	record Decision(@Schema(description = "决策键（camunda:decisionRef）", example = "sla-policy") String key,
			@Schema(description = "名称", example = "服务时限") String name) {
	}

	@Schema(description = "调用活动可以调用的事项流程")
	record Process(@Schema(description = "流程键（calledElement）", example = "repair") String key,
			@Schema(description = "中文名", example = "报修") String name) {
	}

	@Schema(description = "编辑器的选项目录")
	record Catalogue(@Schema(description = "组（候选组）") List<Group> groups,
			@Schema(description = "PropDesk 的步骤（部署检查允许的组件）") List<StepEntry> steps,
			@Schema(description = "表单") List<Form> forms, @Schema(description = "决策表") List<Decision> decisions,
			@Schema(description = "事项流程") List<Process> processes) {
	}

	private final ListableBeanFactory beans;

	private final DeploymentGuardPlugin guard;

	private final Versions versions;

	private final CaseTypes caseTypes;

	private final ObjectMapper json = new ObjectMapper();

	EditorCatalogue(ListableBeanFactory beans, DeploymentGuardPlugin guard, Versions versions, CaseTypes caseTypes) {
		this.beans = beans;
		this.guard = guard;
		this.versions = versions;
		this.caseTypes = caseTypes;
	}

	Catalogue catalogue() {
		List<Form> forms = new ArrayList<>();
		List<Decision> decisions = new ArrayList<>();
		for (Versions.Definition latest : versions.latestOfEach()) {
			if (latest.kind() == Kind.FORM) {
				forms.add(new Form(latest.key(), title(versions.content(latest)).orElse(latest.key())));
			}
			else if (latest.kind() == Kind.DECISION) {
				decisions.add(new Decision(latest.key(), latest.name() == null ? latest.key() : latest.name()));
			}
		}
		return new Catalogue(Groups.NAMES.entrySet().stream().map(g -> new Group(g.getKey(), g.getValue())).toList(), steps(),
				forms, decisions, caseTypes.all().stream().map(t -> new Process(t.key(), t.label())).toList());
	}

	/** The allowed beans a manager may put into a case diagram, with their names and inputs. */
	List<StepEntry> steps() {
		List<StepEntry> steps = new ArrayList<>();
		for (String bean : guard.allowedBeans()) {
			Step step = beans.findAnnotationOnBean(bean, Step.class, false);
			if (step != null && !step.offered()) {
				continue;
			}
			steps.add(new StepEntry(bean, step == null ? bean : step.label(), kind(bean),
					step == null ? List.of() : List.of(step.inputs()).stream().map(EditorCatalogue::input).toList()));
		}
		return steps;
	}

	/** How a diagram uses the bean: a delegate in a service task, a listener on a user task or on any element. */
	private String kind(String bean) {
		Class<?> type = beans.getType(bean, false);
		if (type != null && TaskListener.class.isAssignableFrom(type) && !JavaDelegate.class.isAssignableFrom(type)) {
			return "task-listener";
		}
		if (type != null && ExecutionListener.class.isAssignableFrom(type) && !JavaDelegate.class.isAssignableFrom(type)) {
			return "execution-listener";
		}
		return "service";
	}

	private static Input input(Step.Input input) {
		if (input.options() == Step.Options.class) {
			return new Input(input.name(), input.label(), null);
		}
		Map<String, String> values = BeanUtils.instantiateClass(input.options()).values();
		return new Input(input.name(), input.label(),
				values.entrySet().stream().map(v -> new Option(v.getKey(), v.getValue())).toList());
	}

	/** The text of the form's first heading ({@code ### 接单}), depth first. */
	private Optional<String> title(byte[] form) {
		try {
			return heading(json.readTree(new String(form, StandardCharsets.UTF_8)).path("components"));
		}
		catch (Exception unreadable) {
			return Optional.empty();
		}
	}

	private static Optional<String> heading(JsonNode components) {
		for (JsonNode component : components) {
			if ("text".equals(component.path("type").asText())) {
				for (String line : component.path("text").asText("").split("\n")) {
					if (line.strip().startsWith("#") && !line.strip().replaceFirst("^#+", "").isBlank()) {
						return Optional.of(line.strip().replaceFirst("^#+", "").strip());
					}
				}
			}
			Optional<String> nested = heading(component.path("components"));
			if (nested.isPresent()) {
				return nested;
			}
		}
		return Optional.empty();
	}

}
