package com.propdesk.repair;

import static com.propdesk.repair.RepairProcess.LIFE_SAFETY;
import static com.propdesk.repair.RepairProcess.TRIAGE_RESULT;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;
import com.propdesk.security.Groups;
import com.propdesk.system.CaseVariables;

/**
 * Settles a repair's classification — from the triage table when it decided, else from the
 * service desk's classification form — onto the process and the case, with a timeline line; flags an
 * equipment failure, whose initial-investigation clock the diagram then starts.
 */
@Component
public class RecordClassificationDelegate implements JavaDelegate {

	/** Tasklist sorts and shows tasks by this number (Camunda's default is 50). */
	private static final Map<String, Integer> TASK_PRIORITIES = Map.of("P1", 100, "P2", 75, "P3", 50, "P4", 25);

	private final CaseService cases;

	RecordClassificationDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RepairProcess.Triage triage = TRIAGE_RESULT.get(execution);
		boolean byTable = triage != null && triage.decided();
		// otherwise the desk's classification form set the same three variables
		String priority = byTable ? triage.priority() : CaseVariables.PRIORITY.get(execution);
		String department = byTable ? triage.department() : DispatchTechnicianDelegate.DEPARTMENT.get(execution);
		boolean lifeSafety = byTable ? triage.lifeSafety() : LIFE_SAFETY.isTrue(execution);
		String category = CaseVariables.CATEGORY.get(execution);
		if (!TASK_PRIORITIES.containsKey(priority)) {
			throw new ProcessEngineException("优先级必须是 P1、P2、P3 或 P4，而不是 " + priority);
		}
		if (!Groups.DEPARTMENTS.containsKey(department)) {
			throw new ProcessEngineException("处理部门必须是工程部、保洁部或安保部，而不是 " + department);
		}
		if (category == null || !RepairCaseType.CATEGORIES.containsKey(category)) {
			throw new ProcessEngineException("报修类别无效：" + category);
		}

		CaseVariables.PRIORITY.set(execution, priority);
		DispatchTechnicianDelegate.DEPARTMENT.set(execution, department);
		LIFE_SAFETY.set(execution, lifeSafety);
		RepairProcess.EQUIPMENT_FAILURE.set(execution, RepairCaseType.EQUIPMENT.contains(category));
		RepairProcess.TASK_PRIORITY.set(execution, TASK_PRIORITIES.get(priority));
		String caseNo = CaseService.caseNo(execution);
		cases.classify(caseNo, category, priority, department);
		cases.record(caseNo, RepairCaseType.Timeline.CLASSIFIED, (byTable ? "按分诊表分类：" : "客服人工分类：") + priority + " · "
				+ Groups.label(department) + " · " + RepairCaseType.CATEGORIES.getOrDefault(category, category) + (lifeSafety ? " · 涉及人身安全" : ""));
	}

}
