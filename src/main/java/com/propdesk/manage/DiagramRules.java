package com.propdesk.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * PropDesk's own rules for a diagram, beyond what the deployment guard refuses: flow nodes have readable ids (code,
 * forms, tests and logs name them) and Chinese names (Tasklist, the desk and the auditors' view show them), every
 * executable process keeps its history for a set time, and every user task is offered to a group. The repository's
 * diagrams keep all of them; the managers' editor shows them before a diagram is deployed.
 */
public final class DiagramRules {

	/** {@code Task_Triage}, {@code Gateway_Priority}: a type prefix and an English name in CamelCase. */
	public static final Pattern READABLE_ID = Pattern.compile("(StartEvent|Event|Task|Gateway|Timer|Message)_[A-Z][A-Za-z]+");

	private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);

	/**
	 * The rules, each with how much it matters: an error keeps the diagram from being deployed from the editor, a
	 * warning is shown and left to the manager. All four are errors: the engine would run the diagram, but staff would
	 * read an English step in Tasklist, and a diagram exported back into the repository has to keep the repository's rules.
	 */
	public enum Rule {

		READABLE_ID("error"), CHINESE_NAME("error"), HISTORY_TIME_TO_LIVE("error"), CANDIDATE_GROUP("error"), TIMER("error");

		public final String level;

		Rule(String level) {
			this.level = level;
		}

	}

	/** One rule a diagram breaks, at an element. */
	public record Finding(Rule rule, String elementId, String message) {

		public String level() {
			return rule.level;
		}

	}

	private DiagramRules() {
	}

	public static List<Finding> check(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
				findings.add(new Finding(Rule.HISTORY_TIME_TO_LIVE, process.getId(), "流程 " + process.getId()
						+ " 没有历史保留期限（historyTimeToLive）：PropDesk 的流程保留 3 年，填 P1095D"));
			}
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			String id = node.getId();
			if (id == null || !READABLE_ID.matcher(id).matches()) {
				findings.add(new Finding(Rule.READABLE_ID, id, "元素 " + id + describe(node)
						+ " 的编号不易读：请用类型前缀加英文名，如 Task_Triage、Gateway_Priority、Event_RepairClosed、Timer_TriageSla"
						+ "（前缀 StartEvent、Event、Task、Gateway、Timer 或 Message），代码、表单和日志按编号找到它"));
			}
			if (node.getName() == null || !CHINESE.matcher(node.getName()).matches()) {
				findings.add(new Finding(Rule.CHINESE_NAME, id, "元素 " + id + describe(node)
						+ " 没有中文名称：Tasklist、客服台和审计视图向员工显示这个名称"));
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
				findings.add(new Finding(Rule.CANDIDATE_GROUP, task.getId(), "用户任务 " + task.getId() + describe(task)
						+ " 没有候选组：任务只对候选组的员工可见，没有候选组谁也看不到它"));
			}
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			timerProblem(timer).ifPresent(problem -> findings.add(new Finding(Rule.TIMER, eventOf(timer),
					"定时 " + eventOf(timer) + "：" + problem)));
		}
		return findings;
	}

	/**
	 * A timer's value as the engine will read it when the timer starts, with the engine's own calendars: a value they
	 * cannot read (such as 72小时) deploys, and fails only when a case reaches the timer.
	 */
	static Optional<String> timerProblem(TimerEventDefinition timer) {
		String kind;
		String value;
		if (timer.getTimeDuration() != null) {
			kind = "时长";
			value = timer.getTimeDuration().getTextContent();
		}
		else if (timer.getTimeDate() != null) {
			kind = "时间点";
			value = timer.getTimeDate().getTextContent();
		}
		else if (timer.getTimeCycle() != null) {
			kind = "周期";
			value = timer.getTimeCycle().getTextContent();
		}
		else {
			return Optional.of("没有设定时间（时长、时间点或周期）");
		}
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			return Optional.of(kind + "为空");
		}
		if (text.contains("${") || text.contains("#{")) {
			// read from a variable when the timer starts; the deployment guard checks the expression itself
			return Optional.empty();
		}
		try {
			if (timer.getTimeCycle() != null) {
				new CycleBusinessCalendar().resolveDuedate(text);
			}
			else {
				new DueDateBusinessCalendar().resolveDuedate(text);
			}
			return Optional.empty();
		}
		catch (RuntimeException unreadable) {
			return Optional.of(kind + " " + text + " 无法识别：时长写作 ISO-8601，如 PT72H（72 小时）、PT30M、P1D；"
					+ "时间点如 2026-12-01T08:00:00+08:00；周期如 R3/PT10M 或 cron（0 0 8 * * ?）");
		}
	}

	private static String eventOf(TimerEventDefinition timer) {
		return timer.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.BaseElement event ? event.getId()
				: timer.getId();
	}

	private static String describe(FlowNode node) {
		return node.getName() == null || node.getName().isBlank() ? "" : "（" + node.getName().strip() + "）";
	}

}
