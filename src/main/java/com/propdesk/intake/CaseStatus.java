package com.propdesk.intake;

import java.util.Arrays;

/** The owner-visible status of a case; channels read its code and label on the API and in callbacks, so both stay. */
public enum CaseStatus {

	ACCEPTED("accepted", "已受理"),
	IN_PROGRESS("in-progress", "处理中"),
	AWAITING_FEEDBACK("awaiting-feedback", "待评价"),
	CLOSED("closed", "已办结"),
	PROMOTED("promoted", "已转紧急");

	private final String code;

	private final String label;

	CaseStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	static CaseStatus of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown case status " + code));
	}

}
