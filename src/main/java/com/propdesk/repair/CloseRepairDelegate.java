package com.propdesk.repair;

import static com.propdesk.repair.RepairProcess.COST;
import static com.propdesk.repair.RepairProcess.DIAGNOSIS;
import static com.propdesk.repair.RepairProcess.MATERIALS;
import static com.propdesk.repair.RepairProcess.WORK_DONE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;

/** The technician finished: the work is written into the timeline and the case is closed (已办结). */
@Component
public class CloseRepairDelegate implements JavaDelegate {

	private final CaseService cases;

	CloseRepairDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = (String) execution.getVariable(CaseService.CASE_NO);
		StringBuilder work = new StringBuilder("维修完成（").append(execution.getVariable(DispatchTechnicianDelegate.TECHNICIAN))
				.append("）：诊断 ").append(execution.getVariable(DIAGNOSIS));
		append(work, "处理", execution.getVariable(WORK_DONE));
		append(work, "材料", execution.getVariable(MATERIALS));
		Object cost = execution.getVariable(COST);
		if (cost instanceof Number amount) {
			work.append("；费用 ¥").append(String.format("%.2f", amount.doubleValue()));
		}
		cases.record(caseNo, "repaired", work.toString());
		cases.changeStatus(caseNo, CaseStatus.CLOSED);
		cases.record(caseNo, "closed", "已办结");
	}

	private static void append(StringBuilder text, String label, Object value) {
		if (value != null && !value.toString().isBlank()) {
			text.append("；").append(label).append(" ").append(value);
		}
	}

}
