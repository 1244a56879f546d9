package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of emergency the plan library has plans for; an emergency case names one as its category. */
public final class IncidentTypes {

	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("gas-leak", "燃气泄漏");
		labels.put("fire", "火情");
		labels.put("entrapment", "电梯困人");
		labels.put("other", "其他危及人身安全的情况");
		labels.put("burst-pipe", "爆管");
		labels.put("power-cut", "停电");
		labels.put("water-cut", "停水");
		labels.put("lift-failure", "电梯故障");
		LABELS = Collections.unmodifiableMap(labels);
	}

	private IncidentTypes() {
	}

	public static String label(String type) {
		return LABELS.getOrDefault(type, type);
	}

}
