package com.propdesk.repair;

import java.time.OffsetDateTime;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;

/**
 * Starts the clocks that run from intake once the priority is known: repair resolution for every
 * repair, and the 2-hour initial investigation for an equipment failure.
 */
@Component
public class StartRepairClocksDelegate implements JavaDelegate {

	/** Categories whose failures are equipment failures (设施设备故障), investigated on site within 2 hours. */
	public static final Set<String> EQUIPMENT = Set.of("plumbing", "electrical", "lift", "gas", "fire", "door-access", "hvac");

	private final CaseService cases;

	private final SlaService slas;

	StartRepairClocksDelegate(CaseService cases, SlaService slas) {
		this.cases = cases;
		this.slas = slas;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = CaseService.caseNo(execution);
		String priority = CaseVariables.PRIORITY.get(execution);
		OffsetDateTime intake = cases.find(caseNo).orElseThrow().createdAt();
		slas.start(caseNo, SlaNames.REPAIR_RESOLUTION, priority, intake);
		if (EQUIPMENT.contains(CaseVariables.CATEGORY.get(execution))) {
			slas.start(caseNo, SlaNames.INITIAL_INVESTIGATION, priority, intake);
		}
	}

}
