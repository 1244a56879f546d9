package com.propdesk.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;
import com.propdesk.system.Var;

/**
 * Everything that happened to a case, for auditors, in time order: the steps of every process that ran
 * for it (the case itself, its clocks, its notifications) with who worked them, offers and claims of
 * tasks, every variable change (old → new), comments on tasks, operations through Tasklist, Cockpit or REST, and PropDesk's
 * own timeline (dispatch, SLA clocks, messages, callbacks, links).
 */
@Component
public class CaseHistory {

	/**
	 * One line of the audit timeline: who did it by id, as the records hold it, and by name ({@code whoName}, 王师傅;
	 * the id where nobody by that id is known).
	 */
	public record Line(OffsetDateTime at, String source, String what, String who, String whoName, String detail) {

		Line(OffsetDateTime at, String source, String what, String who, String detail) {
			this(at, source, what, who, null, detail);
		}

		Line named(ActorNames.Reader names) {
			return new Line(at, source, what, who, names.nameOf(who), detail);
		}

	}

	/** Pages large enough for any one case; the engine refuses unbounded lists. */
	private static final int PAGE = 2000;

	private final HistoryService history;

	private final CaseService cases;

	private final TaskService tasks;

	private final ActorNames actorNames;

	private final IdentityService identity;

	private final FormWords formWords;

	CaseHistory(HistoryService history, CaseService cases, TaskService tasks, ActorNames actorNames, IdentityService identity,
			FormWords formWords) {
		this.history = history;
		this.cases = cases;
		this.tasks = tasks;
		this.actorNames = actorNames;
		this.identity = identity;
		this.formWords = formWords;
	}

	public List<Line> timeline(String caseNo) {
		ActorNames.Reader names = actorNames.reader();
		Map<String, String> groupNames = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		cases.timeline(caseNo).forEach(e -> lines.add(new Line(e.at(), "case", e.kind(), e.actor(), e.message())));
		for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
				.listPage(0, PAGE)) {
			String process = instance.getProcessDefinitionKey();
			String id = instance.getId();
			List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
					.listPage(0, PAGE);
			// who completed a task is in the log — also when it had no assignee (offered to a group, completed
			// without a claim) or when someone else (an administrator, over REST) completed it for the assignee
			Map<String, String> completedBy = new HashMap<>();
			operations.stream().filter(o -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.getOperationType())
					&& o.getTaskId() != null && o.getUserId() != null).forEach(o -> completedBy.put(o.getTaskId(), o.getUserId()));
			// a variable change made by a person names the operation it belonged to: name the person
			Map<String, String> operators = new HashMap<>();
			operations.stream().filter(o -> o.getUserId() != null)
					.forEach(o -> operators.put(o.getOperationId(), o.getUserId()));
			for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(id)
					.listPage(0, PAGE)) {
				if (activity.getActivityName() == null) {
					continue;
				}
				String who = activity.getAssignee();
				// a step starts by the process, not by a person: who later holds its task claimed it or was assigned it
				// (the task's lines say when), they did not start it
				lines.add(new Line(time(activity.getStartTime()), process, "activity-started", null, activity.getActivityName()));
				if (activity.getEndTime() != null) {
					String finisher = activity.getTaskId() != null ? completedBy.getOrDefault(activity.getTaskId(), who) : who;
					lines.add(new Line(time(activity.getEndTime()), process,
							activity.isCanceled() ? "activity-cancelled" : "activity-completed", finisher, activity.getActivityName()));
				}
			}
			Map<String, String> taskNames = new HashMap<>();
			for (var task : history.createHistoricTaskInstanceQuery().processInstanceId(id).listPage(0, PAGE)) {
				taskNames.put(task.getId(), task.getName());
				for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
						.listPage(0, PAGE)) {
					String target = link.getUserId() != null ? names.nameWithId(link.getUserId())
							: ActorNames.withId(groupNames.computeIfAbsent(link.getGroupId(), this::groupName), link.getGroupId());
					lines.add(new Line(time(link.getTime()), process, "task-" + link.getType() + "-" + link.getOperationType(),
							link.getAssignerId(), task.getName() + "：" + target));
				}
			}
			Map<String, FormWords.Field> fields = formWords.ofDefinition(instance.getProcessDefinitionId());
			Map<String, Object> previous = new HashMap<>();
			List<HistoricDetail> updates = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
					.disableCustomObjectDeserialization().orderByTime().asc().listPage(0, PAGE);
			for (HistoricDetail detail : updates) {
				HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
				Object value = value(update);
				String key = update.getVariableName();
				// a variable set empty the first time changed nothing (— → —)
				boolean changed = previous.containsKey(key) ? !Objects.equals(previous.get(key), value) : value != null;
				if (changed) {
					lines.add(new Line(time(update.getTime()), process, "variable", userOf(update, operators),
							variableChange(key, fields.get(key), previous.containsKey(key) ? previous.get(key) : "—", value, names)));
				}
				previous.put(key, value);
			}
			// comments staff add to tasks in Tasklist; the engine keeps them with the process instance
			for (Comment comment : tasks.getProcessInstanceComments(id)) {
				lines.add(new Line(time(comment.getTime()), process, "comment", comment.getUserId(), comment.getFullMessage()));
			}
			for (UserOperationLogEntry operation : operations) {
				lines.add(new Line(time(operation.getTimestamp()), process, "operation-" + operation.getOperationType(),
						operation.getUserId(), operationDetail(operation, taskNames, names)));
			}
		}
		lines.sort(Comparator.comparing(Line::at));
		return lines.stream().map(line -> line.named(names)).toList();
	}

	/** A group's name (工程部); its id where it has none or no longer exists. */
	private String groupName(String id) {
		Group group = identity.createGroupQuery().groupId(id).singleResult();
		return group == null || group.getName() == null || group.getName().isBlank() ? id : group.getName();
	}

	/** What the engine names in an operation's log entry, in words; a name not listed here stays as the engine wrote it. */
	private static final Map<String, String> OPERATION_WORDS = Map.ofEntries(Map.entry("Task", "任务"),
			Map.entry("ProcessInstance", "流程实例"), Map.entry("Variable", "变量"), Map.entry("IdentityLink", "人员关联"),
			Map.entry("Attachment", "附件"), Map.entry("Comment", "备注"), Map.entry("Job", "作业"),
			Map.entry("JobDefinition", "作业定义"), Map.entry("Incident", "事件"), Map.entry("ProcessDefinition", "流程定义"),
			Map.entry("assignee", "办理人"), Map.entry("owner", "所有者"), Map.entry("delegation", "委托"),
			Map.entry("priority", "优先级"), Map.entry("dueDate", "到期时间"), Map.entry("followUpDate", "跟进时间"),
			Map.entry("name", "名称"), Map.entry("description", "说明"), Map.entry("candidateUser", "候选人"),
			Map.entry("candidateGroup", "候选组"), Map.entry("suspensionState", "挂起状态"), Map.entry("retries", "重试次数"),
			Map.entry("processDefinitionKey", "流程"), Map.entry("processDefinitionId", "流程版本"),
			Map.entry("nrOfInstances", "数量"), Map.entry("async", "异步"), Map.entry("deleteReason", "删除原因"));

	/**
	 * What an operation changed, in words: the thing and the property with its old and new value ({@code 任务「接单」
	 * 办理人: — → 王师傅（engineer）}). A completed task's log names its property {@code delete} going from false to true,
	 * which says nothing the operation does not: the thing alone.
	 */
	private static String operationDetail(UserOperationLogEntry operation, Map<String, String> taskNames,
			ActorNames.Reader names) {
		String thing = OPERATION_WORDS.getOrDefault(operation.getEntityType(), operation.getEntityType());
		if (UserOperationLogEntry.ENTITY_TYPE_TASK.equals(operation.getEntityType()) && taskNames.containsKey(operation.getTaskId())) {
			thing += "「" + taskNames.get(operation.getTaskId()) + "」";
		}
		String property = operation.getProperty();
		if (property == null || ("delete".equals(property) && "Complete".equals(operation.getOperationType()))) {
			return thing;
		}
		boolean person = PEOPLE.contains(property);
		return thing + " " + OPERATION_WORDS.getOrDefault(property, property) + ": "
				+ said(operation.getOrgValue(), person, names) + " → " + said(operation.getNewValue(), person, names);
	}

	private static String said(String value, boolean person, ActorNames.Reader names) {
		return value == null ? "—" : person ? names.nameWithId(value) : value;
	}

	/** The properties of an operation whose values are people. */
	private static final java.util.Set<String> PEOPLE = java.util.Set.of("assignee", "owner", "candidateUser");

	/**
	 * A variable's change as staff saw the field: 责任部门（responsibleDepartment）: 客服 → 工程部 — the form's label with the
	 * variable's name the records hold, the options' labels for their values; a variable no form shows as the records
	 * hold it ({@code tier: — → {…}}).
	 */
	private static String variableChange(String key, FormWords.Field field, Object before, Object after,
			ActorNames.Reader names) {
		String name = field == null ? key : field.label() + "（" + key + "）";
		return name + ": " + word(field, before, names) + " → " + word(field, after, names);
	}

	/**
	 * A value as the field offered it; a person picked from the case's options (指派技师) by name with the id; a value
	 * cleared as —; a flag no form shows as 是 or 否.
	 */
	private static Object word(FormWords.Field field, Object value, ActorNames.Reader names) {
		if (value == null) {
			return "—";
		}
		if (field == null) {
			return value instanceof Boolean flag ? (flag ? "是" : "否") : value;
		}
		return field.caseOptions() && value instanceof String id ? names.nameWithId(id) : field.word(value);
	}

	/**
	 * Plain values as they are; a time as staff read one ({@code 2026-12-03 05:15}, estate time) rather than Java's
	 * English {@code Thu Dec 03 05:15:00 CST 2026}; JSON objects as their stored text, never turned back into Java
	 * objects.
	 */
	private static Object value(HistoricVariableUpdate update) {
		var typed = update.getTypedValue();
		if (typed instanceof org.camunda.bpm.engine.variable.value.ObjectValue object && !object.isDeserialized()) {
			return object.getValueSerialized();
		}
		if (typed != null && typed.getValue() instanceof Date date) {
			return Var.TYPED_TIME.format(Clock.local(date));
		}
		return typed == null ? null : typed.getValue();
	}

	private static String userOf(HistoricVariableUpdate update, Map<String, String> operators) {
		String operation = update.getUserOperationId();
		return operation == null ? null : operators.getOrDefault(operation, "operation " + operation);
	}

	private static OffsetDateTime time(Date date) {
		return Clock.local(date);
	}

}
