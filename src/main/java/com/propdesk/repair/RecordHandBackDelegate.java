package com.propdesk.repair;

import static com.propdesk.repair.RepairProcess.DIAGNOSIS;
import static com.propdesk.repair.RepairProcess.HAND_BACK_DEPARTMENT;
import static com.propdesk.repair.RepairProcess.HAND_BACK_REASON;
import static com.propdesk.repair.RepairProcess.REPAIR_OUTCOME;
import static com.propdesk.repair.RepairProcess.WORK_DONE;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;
import com.propdesk.security.Groups;
import com.propdesk.system.CaseVariables;

/**
 * A technician handed the job back: to another department, or because they cannot fix it. What
 * they found is kept in the notes the next technician reads (and in history); the job is
 * dispatched again, to the other department or to anyone but them.
 */
@Component
public class RecordHandBackDelegate implements JavaDelegate {

	private final CaseService cases;

	RecordHandBackDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		String technician = DispatchTechnicianDelegate.TECHNICIAN.get(execution);
		String department = DispatchTechnicianDelegate.DEPARTMENT.get(execution);
		String reason = HAND_BACK_REASON.text(execution);
		String otherDepartment = HAND_BACK_DEPARTMENT.text(execution);
		if (reason.isEmpty()) {
			throw new ProcessEngineException("退回时必须填写原因");
		}

		String message;
		if (!otherDepartment.isEmpty() && !otherDepartment.equals(department)) {
			if (!Groups.DEPARTMENTS.containsKey(otherDepartment)) {
				throw new ProcessEngineException("转交部门无效：" + otherDepartment);
			}
			DispatchTechnicianDelegate.DEPARTMENT.set(execution, otherDepartment);
			DispatchTechnicianDelegate.REQUIRED_SKILL.set(execution, null);
			cases.classify(caseNo, CaseVariables.CATEGORY.get(execution),
					CaseVariables.PRIORITY.get(execution), otherDepartment);
			message = technician + " 退回，转交" + Groups.label(otherDepartment) + "：" + reason;
		}
		else {
			Set<String> excluded = new LinkedHashSet<>(DispatchTechnicianDelegate.excluded(execution));
			excluded.add(technician);
			DispatchTechnicianDelegate.EXCLUDED.set(execution, String.join(",", excluded));
			message = technician + " 无法处理，退回重新派工：" + reason;
		}
		String diagnosis = DIAGNOSIS.text(execution);
		if (!diagnosis.isEmpty()) {
			message += "；现场诊断：" + diagnosis;
		}
		RepairNotes.append(execution, message);
		cases.record(caseNo, RepairCaseType.Timeline.HANDED_BACK, message);
		RepairNotes.clearRound(execution, REPAIR_OUTCOME, HAND_BACK_REASON, HAND_BACK_DEPARTMENT, DIAGNOSIS, WORK_DONE);
	}

}
