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
		return new Target(parse(target), target, result.getEntry("escalateTo"));
	}

	/** Any ISO-8601 duration a manager may write (P1W, P1M as well as PT30M), measured from now. */
	static Duration parse(String target) {
		java.util.regex.Matcher weeks = java.util.regex.Pattern.compile("P(\\d+)W").matcher(target);
		if (weeks.matches()) {
			// ISO-8601 weeks, which XML Schema durations leave out
			return Duration.ofDays(7 * Long.parseLong(weeks.group(1)));
		}
		try {
			javax.xml.datatype.Duration iso = javax.xml.datatype.DatatypeFactory.newInstance().newDuration(target);
			java.util.Calendar start = java.util.Calendar.getInstance();
			long from = start.getTimeInMillis();
			iso.addTo(start);
			return Duration.ofMillis(start.getTimeInMillis() - from);
		}
		catch (javax.xml.datatype.DatatypeConfigurationException | IllegalArgumentException e) {
			throw new IllegalStateException("sla-policy gives an invalid target duration: " + target, e);
		}
	}

}
