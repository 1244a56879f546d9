package com.propdesk.emergency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.propdesk.intake.CaseClocks.ClockView;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaService;

/**
 * The figures management reviews an emergency with, from plain times: how long after the report it was
 * acknowledged, dispatched, on site and resolved, which clocks were breached, who took part.
 */
record EmergencyReview(String acknowledge, String dispatch, String onSite, String resolution, String breaches,
		String participants) {

	/** A figure for a step that never happened (a life-safety incident has no dispatch). */
	static final String NONE = "—";

	/** The ids of the dispatch steps: by the dispatcher, else by hand. */
	static final List<String> DISPATCH = List.of("Task_Dispatch", "Task_AssignByHand");

	/**
	 * @param reported when the case was opened
	 * @param ended when each step of the case first ended, by element id
	 * @param resolvedAt when the danger was over
	 * @param clocks the case's SLA clocks
	 * @param completers who completed the case's tasks, in the order they did
	 */
	static EmergencyReview of(OffsetDateTime reported, Map<String, OffsetDateTime> ended, OffsetDateTime resolvedAt,
			List<ClockView> clocks, List<String> completers) {
		OffsetDateTime dispatched = DISPATCH.stream().map(ended::get).filter(Objects::nonNull).findFirst().orElse(null);
		String breaches = clocks.stream().filter(c -> c.breachedAt() != null)
				.map(c -> c.label() + "超时（升级至" + Groups.label(c.escalatedTo()) + "）").collect(Collectors.joining("；"));
		return new EmergencyReview(since(reported, ended.get(EmergencyProcess.ACKNOWLEDGE)), since(reported, dispatched),
				since(reported, ended.get(EmergencyProcess.ON_SITE)), since(reported, resolvedAt),
				breaches.isEmpty() ? "无" : breaches, participants(completers));
	}

	static String since(OffsetDateTime reported, OffsetDateTime end) {
		return end == null ? NONE : SlaService.readable(Duration.between(reported, end));
	}

	/** Everyone who completed a task, once each, in the order they first did. */
	static String participants(Collection<String> completers) {
		return String.join("、", completers.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new)));
	}

}
