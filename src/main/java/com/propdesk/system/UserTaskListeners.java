package com.propdesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds a listener to every user task of every diagram the engine parses, when a process engine plugin sets the
 * engine up: a diagram, a manager's new one included, needs nothing of its own for it.
 */
public final class UserTaskListeners {

	private UserTaskListeners() {
	}

	/** {@code listener} hears each user task's creation, after the diagram's own attributes are set. */
	public static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
		on(configuration, TaskListener.EVENTNAME_CREATE, listener);
	}

	/** {@code listener} hears each user task's completion (not its deletion when its scope ends otherwise). */
	public static void onComplete(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
		on(configuration, TaskListener.EVENTNAME_COMPLETE, listener);
	}

	private static void on(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addTaskListener(event, listener);
			}

		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

}
