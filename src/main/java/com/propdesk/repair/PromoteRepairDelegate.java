package com.propdesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.sla.SlaService;

/**
 * A life-safety report (gas, fire, entrapment) leaves the repair procedure: the case becomes 已转紧急
 * and its clocks stop. Until the emergency procedure exists, the duty officer handles it in this
 * process.
 */
@Component
public class PromoteRepairDelegate implements JavaDelegate {

	private final CaseService cases;

	private final SlaService slas;

	PromoteRepairDelegate(CaseService cases, SlaService slas) {
		this.cases = cases;
		this.slas = slas;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = (String) execution.getVariable(CaseService.CASE_NO);
		cases.changeStatus(caseNo, CaseStatus.PROMOTED);
		slas.stopAll(caseNo, "已转紧急");
		cases.record(caseNo, "promoted", "涉及人身安全，转紧急处置，交24小时值班");
	}

}
