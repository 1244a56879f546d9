package com.propdesk.emergency;

import java.time.OffsetDateTime;

/** One version of the plan for one kind of incident: its steps, the outside numbers to call, and why it changed. */
public record EmergencyPlan(String incidentType, int version, String title, boolean lifeSafety, String steps,
		String contacts, String changedBy, String changeNote, OffsetDateTime createdAt) {
}
