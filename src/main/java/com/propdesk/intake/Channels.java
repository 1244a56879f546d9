package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The channels a case can come through, with the names staff read. */
public final class Channels {

	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("phone", "电话");
		labels.put("wechat", "微信");
		labels.put("app", "业主App");
		labels.put("web", "网页");
		labels.put("walk-in", "前台来访");
		LABELS = Collections.unmodifiableMap(labels);
	}

	public static String label(String code) {
		return LABELS.getOrDefault(code, code);
	}

	private Channels() {
	}

}
