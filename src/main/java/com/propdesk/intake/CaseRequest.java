package com.propdesk.intake;

/**
 * A report of a case, as a channel sends it to {@code POST /api/cases} or an agent fills the start
 * form in Tasklist. Checked by {@link CaseRequestValidator}. A complaint may add what the owner asks
 * for ({@code demand}) and who or which department it is about ({@code subject}).
 */
public record CaseRequest(String type, String channel, String externalId, Reporter reporter, String building,
		String unit, String category, String description, String callbackUrl, String demand, String subject) {

	/** A report without a complaint's demand and subject. */
	public CaseRequest(String type, String channel, String externalId, Reporter reporter, String building, String unit,
			String category, String description, String callbackUrl) {
		this(type, channel, externalId, reporter, building, unit, category, description, callbackUrl, null, null);
	}

	public record Reporter(String name, String phone) {
	}

	String reporterName() {
		return reporter == null ? null : reporter.name();
	}

	String reporterPhone() {
		return reporter == null ? null : reporter.phone();
	}

}
