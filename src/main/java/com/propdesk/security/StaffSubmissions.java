package com.propdesk.security;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propdesk.system.FormOptions;
import com.propdesk.system.Refusal;

/**
 * What a staff member may write into a case when completing a task or starting a case: only the fields of
 * the task's (or start event's) Camunda Form, and only plain values. Without this rule the REST API took any
 * variable at completion — {@code caseNo} of another case, {@code priority} — and any type, serialized Java
 * objects included. A field the form shows disabled or read-only is display only: form-js sends read-only
 * fields back, so they are accepted and dropped, never written (a browser may also have changed a read-only
 * text's line breaks or a number's form). Each value must fit its component ({@link FormValues}: a number for a
 * number field, one of a select's options, a text within its length and pattern …), and a required field that
 * no condition can hide must be filled. A task without a form takes no variables. Starting a case at an activity other
 * than its start event is refused for staff.
 * <p>
 * Only a staff member's own call to the engine's REST API or the webapps is checked (the outermost engine
 * command of such a request, with a staff member authenticated): PropDesk's code and API, administrators and
 * the engine's internals are not. Also for everyone: a task that does not
 * exist (any more) answers "not found" instead of the engine's null-value error, and only a task delegated
 * and still pending is resolved.
 */
final class StaffSubmissions extends CommandInterceptor {

	private static final Set<ValueType> PLAIN = Set.of(ValueType.STRING, ValueType.BOOLEAN, ValueType.INTEGER,
			ValueType.LONG, ValueType.SHORT, ValueType.DOUBLE, ValueType.DATE, ValueType.NULL);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");

	private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");

	private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");

	private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

	private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");

	private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

	private static final Field START = field(StartProcessInstanceCmd.class, "instantiationBuilder");

	private static final Field DELETE_TASK = field(DeleteTaskCmd.class, "taskId");

	private static final Field DELETE_TASKS = field(DeleteTaskCmd.class, "taskIds");

	private final Supplier<Map<String, FormOptions>> optionSources;

	StaffSubmissions(Supplier<Map<String, FormOptions>> optionSources) {
		this.optionSources = optionSources;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (InternalProcesses.CommandDepth.current() == 1) {
			check(command);
		}
		return next.execute(command);
	}

	private void check(Command<?> command) {
		if (command instanceof CompleteTaskCmd complete) {
			TaskEntity task = existingTask((String) read(COMPLETE_TASK, complete));
			if (command instanceof ResolveTaskCmd && task.getDelegationState() != DelegationState.PENDING) {
				throw new BadUserRequestException("任务 " + task.getId() + " 没有委派给他人办理，无需归还（resolve）");
			}
			checkTask(task, variables(read(COMPLETE_VARIABLES, complete)));
		}
		else if (command instanceof SubmitTaskFormCmd submit) {
			checkTask(existingTask((String) read(SUBMIT_TASK, submit)), variables(read(SUBMIT_VARIABLES, submit)));
		}
		else if (command instanceof SubmitStartFormCmd submit && staffOnEngineSurface()) {
			checkStart((String) read(START_FORM_DEFINITION, submit), variables(read(START_FORM_VARIABLES, submit)));
		}
		else if (command instanceof StartProcessInstanceCmd start && staffOnEngineSurface()) {
			ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(START, start);
			checkStart(definitionId(builder), variables(builder.getVariables()));
		}
		else if (command instanceof DeleteTaskCmd delete) {
			List<String> ids = new ArrayList<>();
			if (read(DELETE_TASK, delete) instanceof String id) {
				ids.add(id);
			}
			if (read(DELETE_TASKS, delete) instanceof java.util.Collection<?> more) {
				more.forEach(id -> ids.add(String.valueOf(id)));
			}
			ids.forEach(StaffSubmissions::checkDeletable);
		}
		else if (command instanceof StartProcessInstanceAtActivitiesCmd && staffOnEngineSurface()) {
			throw new AuthorizationException("事项流程只能从开始事件启动，不能从中间环节启动");
		}
	}

	/**
	 * A staff member's own call to the engine's REST API or the webapps (Tasklist). PropDesk's API opens cases
	 * for staff and channels with their user set on the engine too, with variables PropDesk itself chose.
	 */
	private static boolean staffOnEngineSurface() {
		return InternalProcesses.isPersonsRequest() && People.isStaff();
	}

	/**
	 * A task of a running case is finished by working it, never deleted: the engine refuses that with a server error
	 * in English, which also told a caller who may not read the task that it exists. Who may not read it is refused
	 * for that; who may, reads why in Chinese.
	 */
	private static void checkDeletable(String taskId) {
		CommandContext context = Context.getCommandContext();
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null || (task.getExecutionId() == null && task.getCaseExecutionId() == null)) {
			return;
		}
		context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkReadTask(task));
		throw new BadUserRequestException("任务 " + taskId + " 属于正在办理的事项，不能删除：请办理完成它");
	}

	private static TaskEntity existingTask(String taskId) {
		TaskEntity task = taskId == null ? null : Context.getCommandContext().getTaskManager().findTaskById(taskId);
		if (task == null) {
			throw new NotFoundException("任务不存在或已办理完毕：" + taskId);
		}
		return task;
	}

	private void checkTask(TaskEntity task, Map<String, Object> variables) {
		if (!staffOnEngineSurface()) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		// who may not work the task learns nothing of its form (its required fields, a select's options): the
		// engine's own check, which the command runs again after this one, comes first
		context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
		Map<String, List<JsonNode>> fields = fields(() -> new GetDeployedTaskFormCmd(task.getId()).execute(context));
		checkValues(variables, fields, "此任务的表单", task);
	}

	private void checkStart(String definitionId, Map<String, Object> variables) {
		if (definitionId == null || variables.isEmpty()) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		Map<String, List<JsonNode>> fields = fields(() -> new GetDeployedStartFormCmd(definitionId).execute(context));
		checkValues(variables, fields, "此流程的启动表单", null);
	}

	private static String definitionId(ProcessInstantiationBuilderImpl builder) {
		if (builder.getProcessDefinitionId() != null) {
			return builder.getProcessDefinitionId();
		}
		ProcessDefinitionEntity latest = Context.getProcessEngineConfiguration().getDeploymentCache()
				.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
		return latest == null ? null : latest.getId();
	}

	/**
	 * Checks each submitted value against its form component and replaces it by what is stored: a date-time as a
	 * date ({@link FormValues#stored}), a select's option from data as its source chose it (a building as its code).
	 * An option list a form's select reads ({@code valuesKey}) is not a field: sent back, it is dropped.
	 */
	private void checkValues(Map<String, Object> variables, Map<String, List<JsonNode>> fields, String form,
			VariableScope task) {
		Map<String, FormOptions> sources = optionSources.get();
		List<String> unknown = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		Map<String, Object> stored = new LinkedHashMap<>();
		// a serialized object is read typed: its plain value cannot be had without deserializing it
		VariableMap typed = Variables.fromMap(variables);
		typed.keySet().forEach(name -> {
			if (!fields.containsKey(name)) {
				if (optionLists(fields).contains(name)) {
					dropped.add(name);
				}
				else {
					unknown.add(name);
				}
				return;
			}
			Object value = plainValue(typed.getValueTyped(name));
			List<JsonNode> changeable = fields.get(name).stream().filter(c -> !FormValues.displayOnly(c)).toList();
			if (value == NOT_PLAIN) {
				problems.add(FormValues.fieldName(name, fields.get(name).get(0)) + "：只能是文本、数字、布尔值、日期或空值");
			}
			else if (changeable.isEmpty()) {
				dropped.add(name);
			}
			else {
				// a key the form uses twice takes what either of its components takes
				List<String> refused = new ArrayList<>();
				for (JsonNode component : changeable) {
					String problem = FormValues.problem(name, component, value);
					FormOptions source = sources.get(component.path("valuesKey").asText(""));
					if (problem == null && source != null && !FormValues.isEmpty(value)) {
						FormOptions.Choice choice = source.choose(value.toString(), task);
						problem = choice.refused() == null ? null : FormValues.fieldName(name, component) + "：" + choice.refused();
						if (problem == null) {
							stored.put(name, choice.value());
						}
					}
					else if (problem == null) {
						stored.put(name, FormValues.stored(component, value));
					}
					if (problem == null) {
						return;
					}
					refused.add(problem);
				}
				problems.add(refused.get(0));
			}
		});
		fields.forEach((name, components) -> {
			if (components.stream().anyMatch(FormValues::required) && FormValues.isBlank(
					typed.containsKey(name) ? plainValue(typed.getValueTyped(name)) : null)) {
				problems.add(FormValues.fieldName(name, components.get(0)) + "：必填");
			}
		});
		if (!unknown.isEmpty()) {
			problems.add(0, "以下变量不是" + form + "的字段，不能提交：" + String.join("、", unknown));
		}
		if (!problems.isEmpty()) {
			throw new Refusal(String.join("；", problems));
		}
		dropped.forEach(variables::remove);
		// a checkbox left out is unchecked: form-js sends an unchecked one as false, and a gateway reads it (a REST
		// client that omitted it met the engine's "Unknown property used in expression" as a server error)
		fields.forEach((name, components) -> {
			if (!typed.containsKey(name) && components.stream().anyMatch(FormValues::alwaysShownCheckbox)
					&& (task == null || task.getVariable(name) == null)) {
				variables.put(name, false);
			}
		});
		stored.forEach((name, value) -> {
			if (value != plainValue(typed.getValueTyped(name))) {
				variables.put(name, value);
			}
		});
	}

	/** The names of the option lists the form's selects read from data ({@code valuesKey}). */
	private static Set<String> optionLists(Map<String, List<JsonNode>> fields) {
		Set<String> names = new java.util.HashSet<>();
		fields.values().forEach(components -> components.forEach(c -> {
			if (c.hasNonNull("valuesKey")) {
				names.add(c.get("valuesKey").asText());
			}
		}));
		return names;
	}

	private static final Object NOT_PLAIN = new Object();

	/** The value as a plain Java value, or {@link #NOT_PLAIN} for objects, JSON, files, bytes. */
	private static Object plainValue(Object value) {
		if (value instanceof TypedValue typed) {
			if (typed.getType() != null) {
				return PLAIN.contains(typed.getType()) ? typed.getValue() : NOT_PLAIN;
			}
			value = typed.getValue();
		}
		boolean plain = value == null || value instanceof String || value instanceof Boolean || value instanceof Number
				|| value instanceof Date;
		return plain ? value : NOT_PLAIN;
	}

	/**
	 * The components of a deployed Camunda Form by key. A component inside a group that a condition may hide
	 * carries that condition, as form-js does not submit a hidden field.
	 */
	private static Map<String, List<JsonNode>> fields(java.util.function.Supplier<InputStream> form) {
		CommandContext context = Context.getCommandContext();
		Map<String, List<JsonNode>> fields = new LinkedHashMap<>();
		try (InputStream in = context.runWithoutAuthorization(form::get)) {
			collect(JSON.readTree(in), false, fields);
		}
		catch (BadUserRequestException noForm) {
			// no form: nothing may be set
		}
		catch (IOException e) {
			throw new ProcessEngineException("表单无法读取", e);
		}
		return fields;
	}

	private static void collect(JsonNode node, boolean hideable, Map<String, List<JsonNode>> fields) {
		for (JsonNode component : node.path("components")) {
			boolean hidden = hideable || component.has("conditional");
			if (component.hasNonNull("key")) {
				JsonNode field = component;
				if (hidden && !component.has("conditional") && component instanceof ObjectNode object) {
					field = object.deepCopy().set("conditional", JSON.createObjectNode());
				}
				fields.computeIfAbsent(component.get("key").asText(), k -> new ArrayList<>()).add(field);
			}
			collect(component, hidden, fields);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> variables(Object map) {
		return map == null ? Map.of() : (Map<String, Object>) map;
	}

	private static Object read(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Fails at start-up, not at the first request, if an engine upgrade renamed a field. */
	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda " + type.getName() + " has no field " + name, e);
		}
	}

}
