package com.propdesk.repair;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/** The owner did not accept the work: back to the same technician, with the reason in their notes. */
@Component
public class RecordRejectionDelegate implements JavaDelegate {

	private final CaseService cases;

	RecordRejectionDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = (String) execution.getVariable(CaseService.CASE_NO);
		Object reason = execution.getVariable(RepairProcess.REJECTION_REASON);
		if (reason == null || reason.toString().isBlank()) {
			throw new ProcessEngineException("验收不通过时必须填写原因");
		}
		String message = "验收不通过，返修给 " + execution.getVariable(DispatchTechnicianDelegate.TECHNICIAN) + "：" + reason;
		Object notes = execution.getVariable(RepairProcess.REPAIR_NOTES);
		execution.setVariable(RepairProcess.REPAIR_NOTES, (notes == null || notes.toString().isBlank() ? "" : notes + "\n")
				+ "[" + Clock.now().toLocalDateTime().withNano(0) + "] " + message);
		cases.record(caseNo, "rejected", message);
		// the technician's next round starts from a clean form; history keeps the values
		for (String name : new String[] { RepairProcess.REPAIR_OUTCOME, RepairProcess.WORK_DONE, RepairProcess.ACCEPTED,
				RepairProcess.REJECTION_REASON }) {
			execution.removeVariable(name);
		}
	}

}
