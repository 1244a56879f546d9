package com.propdesk.intake;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.system.CaseVariables;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;
import com.propdesk.system.Var;

/**
 * First step of every case process. A case opened through the API is registered already; a
 * process an agent started from Tasklist's start form is registered here, from the form's fields,
 * and gets its case number as business key.
 */
@Step(label = "登记事项")
@Component
public class RegisterCaseDelegate implements JavaDelegate {

	private final CaseService cases;

	RegisterCaseDelegate(CaseService cases) {
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object given = CaseVariables.CASE_NO.get(execution);
		if (given != null) {
			if (cases.isBeingOpened(given.toString())) {
				return;
			}
			// whoever starts a process may not attach it to an existing case
			throw new ProcessEngineException("不得指定事项编号：新事项的编号由系统分配");
		}
		String type = execution.getProcessEngineServices().getRepositoryService()
				.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
		String channel = CaseVariables.CHANNEL.get(execution);
		CaseRequest request = cases.normalise(new CaseRequest(type, channel == null ? "phone" : channel, null,
				new CaseRequest.Reporter(text(execution, CaseVariables.REPORTER_NAME), text(execution, CaseVariables.REPORTER_PHONE)),
				text(execution, CaseVariables.BUILDING), text(execution, CaseVariables.UNIT),
				text(execution, CaseVariables.CATEGORY), text(execution, CaseVariables.DESCRIPTION), null, null, null,
				CaseVariables.OTHER_UNITS.isSet(execution) ? CaseRequest.splitUnits(CaseVariables.OTHER_UNITS.text(execution)) : null));
		String caseNo;
		try {
			caseNo = cases.register(request, execution.getProcessInstanceId());
		}
		catch (InvalidRequestException e) {
			// shown to the agent by Tasklist as it is, each field by its name on the form; nothing is created
			throw new Refusal(CaseRequestValidator.describe(e.problems()), e);
		}
		CaseVariables.CASE_NO.set(execution, caseNo);
		// the case is on the estate's building code and the phone written one way, whatever the agent typed
		if (request.building() != null) {
			CaseVariables.BUILDING.set(execution, request.building());
		}
		CaseVariables.REPORTER_PHONE.set(execution, request.reporterPhone());
		if (request.otherUnits() != null) {
			CaseVariables.OTHER_UNITS.set(execution, CaseRequest.joinUnits(request.otherUnits()));
		}
		CaseVariables.CHANNEL.set(execution, request.channel());
		execution.setProcessBusinessKey(caseNo);
	}

	/** Blank form fields are missing fields: the validator names them. */
	private static String text(DelegateExecution execution, Var<String> variable) {
		String value = variable.text(execution);
		return value.isEmpty() ? null : value;
	}

}
