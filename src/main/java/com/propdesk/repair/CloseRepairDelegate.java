package com.propdesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.system.CaseVariables;

/** Feedback received or 72 hours passed: the case is closed (已办结). */
@Component
public class CloseRepairDelegate implements JavaDelegate {

	private final CaseService cases;

	CloseRepairDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		cases.changeStatus(caseNo, CaseStatus.CLOSED);
		cases.record(caseNo, CaseTimeline.CLOSED, CaseVariables.FEEDBACK_SCORE.get(execution) == null ? "已办结（72 小时内未评价）" : "已办结");
	}

}
