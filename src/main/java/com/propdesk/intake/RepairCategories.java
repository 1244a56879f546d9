package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Repair categories a report can name; technicians' skills use the same codes. The triage table
 * ({@code processes/repair-triage.dmn}) routes them.
 */
public final class RepairCategories {

	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("plumbing", "给排水");
		labels.put("electrical", "电气");
		labels.put("lift", "电梯");
		labels.put("gas", "燃气");
		labels.put("fire", "消防");
		labels.put("door-access", "门禁");
		labels.put("hvac", "暖通空调");
		labels.put("structure", "土建门窗");
		labels.put("cleaning", "保洁");
		labels.put("security", "安保");
		labels.put("other", "其他");
		LABELS = Collections.unmodifiableMap(labels);
	}

	private RepairCategories() {
	}

	public static String label(String code) {
		return LABELS.getOrDefault(code, code);
	}

}
