package com.propdesk.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MailActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ScriptTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.ClassDelegateExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.ScriptExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.listener.ClassDelegateTaskListener;
import org.camunda.bpm.engine.impl.task.listener.ScriptTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's own line behind the deployment guard: after the engine has parsed a process, whatever
 * namespace or attribute named it, any activity that would run a shell command, send mail, hand work to
 * an external worker, run a script or a Java class by name, and any listener that is a Java class or a
 * script, fails the deployment with the reason (a parse error: the REST API answers 400).
 */
class UnsafeBehaviourParseListener extends AbstractBpmnParseListener {

	static final Set<Class<?>> REFUSED_BEHAVIOURS = Set.of(ShellActivityBehavior.class, MailActivityBehavior.class,
			ClassDelegateActivityBehavior.class, ScriptTaskActivityBehavior.class, ExternalTaskActivityBehavior.class);

	static final Set<Class<?>> REFUSED_LISTENERS = Set.of(ClassDelegateExecutionListener.class,
			ScriptExecutionListener.class, ClassDelegateTaskListener.class, ScriptTaskListener.class);

	@Override
	public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
		String mapping = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "variableMappingClass");
		if (mapping != null && !mapping.isBlank()) {
			throw new BpmnParseException("引擎拒绝：活动 " + activity.getId() + " 用 Java 类 " + mapping + " 映射变量", element);
		}
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
		check(process, processElement);
	}

	private void check(ScopeImpl scope, Element processElement) {
		listeners(scope, scope.getListeners(), processElement);
		for (ActivityImpl activity : scope.getActivities()) {
			Object behaviour = activity.getActivityBehavior();
			if (behaviour != null && refusedBehaviour(behaviour)) {
				throw new BpmnParseException("引擎拒绝：活动 " + activity.getId() + " 会执行 "
						+ behaviour.getClass().getSimpleName() + "（shell 命令、邮件、外部任务、脚本或按类名创建的 Java 对象）", processElement);
			}
			if (behaviour instanceof UserTaskActivityBehavior userTask) {
				var definition = userTask.getTaskDefinition();
				taskListeners(activity, definition.getTaskListeners().values().stream().flatMap(List::stream).toList(),
						processElement);
			}
			for (var flow : activity.getOutgoingTransitions()) {
				if (flow instanceof TransitionImpl transition) {
					listeners(transition, transition.getListeners(), processElement);
				}
			}
			check(activity, processElement);
		}
	}

	static boolean refusedBehaviour(Object behaviour) {
		return REFUSED_BEHAVIOURS.stream().anyMatch(type -> type.isInstance(behaviour))
				// the connect plugin's behaviour, should the plugin ever be on the class path
				|| behaviour.getClass().getName().startsWith("org.camunda.connect.");
	}

	private static void listeners(CoreModelElement element, Map<String, ? extends Collection<?>> byEvent, Element processElement) {
		for (Collection<?> listeners : byEvent.values()) {
			for (Object listener : listeners) {
				if (REFUSED_LISTENERS.stream().anyMatch(type -> type.isInstance(listener))) {
					throw new BpmnParseException("引擎拒绝：" + element.getId() + " 的监听器是 "
							+ listener.getClass().getSimpleName() + "（按类名创建的 Java 对象或脚本）", processElement);
				}
			}
		}
	}

	private static void taskListeners(ActivityImpl activity, List<?> listeners, Element processElement) {
		for (Object listener : listeners) {
			if (REFUSED_LISTENERS.stream().anyMatch(type -> type.isInstance(listener))) {
				throw new BpmnParseException("引擎拒绝：任务 " + activity.getId() + " 的任务监听器是 "
						+ listener.getClass().getSimpleName() + "（按类名创建的 Java 对象或脚本）", processElement);
			}
		}
	}

}
