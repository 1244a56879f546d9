package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the case API shows of a case's SLA clocks; implemented by the SLA service, which itself
 * builds on the case service, so intake asks through this port.
 */
public interface CaseClocks {

	record ClockView(String sla, String label, String state, OffsetDateTime startedAt, OffsetDateTime dueAt,
			OffsetDateTime metAt, OffsetDateTime breachedAt, String escalatedTo, String pauseReason) {
	}

	List<ClockView> clocks(String caseNo);

	/** The nearest due time of the running clocks: the case's {@code dueAt}. */
	Optional<OffsetDateTime> nearestDue(String caseNo);

}
