package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a complaint is about; the {@code complaint-tier} table tiers by it. */
public final class ComplaintCategories {

	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("attitude", "服务态度");
		labels.put("sanitation", "环境卫生");
		labels.put("noise", "噪音扰民");
		labels.put("safety", "安全隐患");
		labels.put("property-damage", "财物损失");
		labels.put("repair-quality", "维修质量");
		labels.put("fees", "收费");
		labels.put("other", "其他");
		LABELS = Collections.unmodifiableMap(labels);
	}

	private ComplaintCategories() {
	}

}
