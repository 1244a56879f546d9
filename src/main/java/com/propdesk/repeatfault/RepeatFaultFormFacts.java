package com.propdesk.repeatfault;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.system.FormFacts;

/**
 * What 制定预防措施 ({@code repeat-fault-plan}) shows of a flag, read from it when the form is opened: every repair that
 * joined it, each as it stands then (the technician's record once repaired), and the summary counting them all. The
 * flag's instance holds neither; one started before holds both as they were at its start, which this replaces.
 */
@Component
class RepeatFaultFormFacts implements FormFacts {

	private final RepeatFaults repeatFaults;

	RepeatFaultFormFacts(RepeatFaults repeatFaults) {
		this.repeatFaults = repeatFaults;
	}

	@Override
	public String processKey() {
		return RepeatFaultProcess.KEY;
	}

	@Override
	public Map<String, Object> facts(VariableScope task) {
		Integer id = RepeatFaultProcess.REPEAT_FAULT_ID.get(task);
		return id == null ? Map.of() : repeatFaults.formFacts(id);
	}

}
