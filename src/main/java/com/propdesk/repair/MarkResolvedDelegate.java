package com.propdesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;

/** The owner accepted the work: the case waits for their feedback (待评价). */
@Component
public class MarkResolvedDelegate implements JavaDelegate {

	private final CaseService cases;

	MarkResolvedDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		cases.changeStatus(caseNo, CaseStatus.AWAITING_FEEDBACK);
		cases.record(caseNo, CaseTimeline.RESOLVED, "业主验收通过，等待评价" + confirmation(execution));
	}

	private static String confirmation(DelegateExecution execution) {
		Object note = RepairProcess.OWNER_CONFIRMATION.get(execution);
		return note == null || note.toString().isBlank() ? "" : "（" + note + "）";
	}

}
