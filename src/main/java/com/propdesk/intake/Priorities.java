package com.propdesk.intake;

import java.util.Map;

/** The priorities a case can have, with the names staff read: danger now, daily life disrupted, normal, planned. */
public final class Priorities {

	public static final Map<String, String> LABELS = CodeLabels.of("P1", "紧急", "P2", "较急", "P3", "一般", "P4", "计划");

	private Priorities() {
	}

}
