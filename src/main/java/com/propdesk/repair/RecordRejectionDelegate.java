package com.propdesk.repair;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.CaseService;

/** The owner did not accept the work: back to the same technician, with the reason in their notes. */
@Component
public class RecordRejectionDelegate implements JavaDelegate {

	private final CaseService cases;

	RecordRejectionDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		String reason = RepairProcess.REJECTION_REASON.text(execution);
		if (reason.isEmpty()) {
			throw new ProcessEngineException("验收不通过时必须填写原因");
		}
		String message = "验收不通过，返修给 " + DispatchTechnicianDelegate.TECHNICIAN.get(execution) + "：" + reason;
		RepairNotes.append(execution, message);
		cases.record(caseNo, RepairCaseType.Timeline.REJECTED, message);
		RepairNotes.clearRound(execution, RepairProcess.REPAIR_OUTCOME, RepairProcess.WORK_DONE, RepairProcess.ACCEPTED,
				RepairProcess.REJECTION_REASON);
	}

}
