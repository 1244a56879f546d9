package com.propdesk.intake;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import com.propdesk.security.TaskCards;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Step;
import com.propdesk.system.UserTaskListeners;

/**
 * Every user task, in every diagram, carries a one-line summary of its case as a task-local variable
 * ({@value #VARIABLE}), which the seeded Tasklist filters show on the task card. Task-local, because a
 * department may read its own tasks but not the case's process variables, and under its own name,
 * because a form submitting a variable of the same name would otherwise write it onto the task only.
 */
@Step(label = "任务卡片摘要", offered = false)
@Component
public class CaseCards extends AbstractProcessEnginePlugin implements TaskListener {

	public static final String VARIABLE = TaskCards.VARIABLE;

	private static final int DESCRIPTION_LENGTH = 40;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserTaskListeners.onCreate(configuration, this);
	}

	@Override
	public void notify(DelegateTask task) {
		String summary = summary(task);
		// a task of an internal process has no case: the card its process wrote (a handover's shift, a round's
		// building), not an empty line
		Object written = task.getVariable(VARIABLE);
		task.setVariableLocal(VARIABLE, summary.isEmpty() && written != null ? written.toString() : summary);
	}

	static String summary(DelegateTask task) {
		List<String> parts = new ArrayList<>();
		add(parts, CaseVariables.CASE_NO.get(task));
		add(parts, CaseVariables.PRIORITY.get(task));
		Object building = CaseVariables.BUILDING.get(task);
		Object unit = CaseVariables.UNIT.get(task);
		if (building != null || unit != null) {
			parts.add(((building == null ? "" : building + "号楼 ") + (unit == null ? "" : unit)).trim());
		}
		Object description = CaseVariables.DESCRIPTION.get(task);
		if (description != null) {
			String text = description.toString();
			parts.add(text.length() > DESCRIPTION_LENGTH ? text.substring(0, DESCRIPTION_LENGTH) + "…" : text);
		}
		return String.join(" · ", parts);
	}

	private static void add(List<String> parts, Object value) {
		if (value != null && !value.toString().isBlank()) {
			parts.add(value.toString());
		}
	}

}
