package com.propdesk.intake;

/**
 * A report of a case, as a channel sends it to {@code POST /api/cases} or an agent fills the start
 * form in Tasklist. Checked by {@link CaseRequestValidator}.
 */
public record CaseRequest(String type, String channel, String externalId, Reporter reporter, String building,
		String unit, String category, String description, String callbackUrl) {

	public record Reporter(String name, String phone) {
	}

	String reporterName() {
		return reporter == null ? null : reporter.name();
	}

	String reporterPhone() {
		return reporter == null ? null : reporter.phone();
	}

}
