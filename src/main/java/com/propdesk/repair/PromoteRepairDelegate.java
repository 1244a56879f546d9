package com.propdesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;

/**
 * A life-safety report (gas, fire, entrapment) leaves the repair procedure: the case becomes 已转紧急,
 * its clocks stop, and an emergency case opens, linked, with the same reporter, place and callback.
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
		String caseNo = CaseService.caseNo(execution);
		cases.changeStatus(caseNo, CaseStatus.PROMOTED);
		slas.stopAll(caseNo, "已转紧急");
		String description = CaseVariables.DESCRIPTION.get(execution);
		String emergencyNo = cases.openLinked(caseNo, "emergency",
				incidentType(CaseVariables.CATEGORY.get(execution), description), description);
		cases.record(caseNo, RepairCaseType.Timeline.PROMOTED, "涉及人身安全，转紧急事件 " + emergencyNo + "，交24小时值班");
	}

	/** Which emergency plan a life-safety repair calls for, by its category and the owner's words. */
	static String incidentType(String category, String description) {
		String text = description == null ? "" : description;
		if ("gas".equals(category) || text.contains("燃气") || text.contains("煤气") || text.contains("天然气")
				|| text.contains("漏气")) {
			return "gas-leak";
		}
		if ("fire".equals(category) || text.contains("火") || text.contains("烟")) {
			return "fire";
		}
		if (text.contains("困")) {
			return "entrapment";
		}
		return "other";
	}

}
