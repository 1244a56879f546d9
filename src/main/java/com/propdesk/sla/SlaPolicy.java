package com.propdesk.sla;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Reads targets from the {@code sla-policy} decision table, latest version, when a clock starts; the
 * clock keeps what it was given, so a manager's change applies to clocks started after it.
 *
 * <p>A version of the table gives the same target for the same case type, SLA and priority every time (hit
 * policy FIRST, no other input), so each answer is kept per version: a repair's three clocks cost one look-up of
 * the latest version each instead of three evaluations (FEEL) and their decision history, about a tenth of an
 * intake's time in the benchmark. A manager's new version is a new key, read at the next clock that starts.
 */
@Component
class SlaPolicy {

	static final String DECISION = "sla-policy";

	record Target(Duration duration, String text, String escalateTo) {
	}

	private record Asked(String decisionId, String caseType, String sla, String priority) {
	}

	/** Versions times case types, SLAs and priorities: a few hundred; emptied if managers ever make it more. */
	private static final int KEPT = 5_000;

	private static final DatatypeFactory DURATIONS;

	static {
		try {
			DURATIONS = DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final DecisionService decisionService;

	private final ProcessEngineConfigurationImpl engine;

	private final Map<Asked, Target> answers = new ConcurrentHashMap<>();

	SlaPolicy(DecisionService decisionService, ProcessEngineConfigurationImpl engine) {
		this.decisionService = decisionService;
		this.engine = engine;
	}

	Target target(String caseType, String sla, String priority) {
		// the deployment cache's latest version: one indexed query, as the engine's own evaluation by key makes
		String decisionId = engine.getCommandExecutorTxRequired().execute(context -> context.getProcessEngineConfiguration()
				.getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(DECISION).getId());
		Asked asked = new Asked(decisionId, caseType, sla, priority);
		Target known = answers.get(asked);
		if (known != null) {
			return known;
		}
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("caseType", caseType);
		inputs.put("sla", sla);
		inputs.put("priority", priority);
		DmnDecisionResultEntries result = decisionService.evaluateDecisionById(decisionId).variables(inputs).evaluate()
				.getSingleResult();
		String target = result.getEntry("target");
		Target answer = new Target(parse(target), target, result.getEntry("escalateTo"));
		if (answers.size() >= KEPT) {
			answers.clear();
		}
		answers.put(asked, answer);
		return answer;
	}

	/** Any ISO-8601 duration a manager may write (P1W, P1M as well as PT30M), measured from now. */
	static Duration parse(String target) {
		java.util.regex.Matcher weeks = java.util.regex.Pattern.compile("P(\\d+)W").matcher(target);
		if (weeks.matches()) {
			// ISO-8601 weeks, which XML Schema durations leave out
			return Duration.ofDays(7 * Long.parseLong(weeks.group(1)));
		}
		try {
			javax.xml.datatype.Duration iso = DURATIONS.newDuration(target);
			java.util.Calendar start = java.util.Calendar.getInstance();
			long from = start.getTimeInMillis();
			iso.addTo(start);
			return Duration.ofMillis(start.getTimeInMillis() - from);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("sla-policy gives an invalid target duration: " + target, e);
		}
	}

}
