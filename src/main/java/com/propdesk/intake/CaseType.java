package com.propdesk.intake;

import java.util.Arrays;
import java.util.Optional;

/** The case types of the contract; each type's process key is its code. */
public enum CaseType {

	REPAIR("repair", "R", "报修"),
	COMPLAINT("complaint", "C", "投诉"),
	EMERGENCY("emergency", "E", "紧急事件"),
	INQUIRY("inquiry", "Q", "咨询");

	private final String code;

	private final String prefix;

	private final String label;

	CaseType(String code, String prefix, String label) {
		this.code = code;
		this.prefix = prefix;
		this.label = label;
	}

	public String code() {
		return code;
	}

	/** First letter of this type's case numbers. */
	public String prefix() {
		return prefix;
	}

	public String label() {
		return label;
	}

	public boolean needsBuilding() {
		return this == REPAIR || this == EMERGENCY;
	}

	public static Optional<CaseType> of(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

}
