package com.propdesk.sla;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Reads targets from the {@code sla-policy} decision table, latest version, when a clock starts; the
 * clock keeps what it was given, so a manager's change applies to clocks started after it.
 */
@Component
class SlaPolicy {

	static final String DECISION = "sla-policy";

	record Target(Duration duration, String text, String escalateTo) {
	}

	private final DecisionService decisionService;

	SlaPolicy(DecisionService decisionService) {
		this.decisionService = decisionService;
	}

	Target target(String caseType, String sla, String priority) {
		Map<String, Object> inputs = new java.util.HashMap<>();
		inputs.put("caseType", caseType);
		inputs.put("sla", sla);
		inputs.put("priority", priority);
		DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(DECISION).variables(inputs).evaluate()
				.getSingleResult();
		String target = result.getEntry("target");
		return new Target(Duration.parse(target), target, result.getEntry("escalateTo"));
	}

}
