package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.propdesk.security.Groups;

/** What owners ask about, and the department that owns the knowledge-base entries of each subject. */
public final class InquiryCategories {

	public static final Map<String, String> LABELS;

	/** The group that owns (writes and reviews) the knowledge-base entries of a category. */
	public static final Map<String, String> OWNERS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, String> owners = new LinkedHashMap<>();
		add(labels, owners, "fees", "物业费", Groups.SERVICE_DESK);
		add(labels, owners, "parking", "停车", Groups.SECURITY);
		add(labels, owners, "renovation", "装修", Groups.ENGINEERING);
		add(labels, owners, "access", "门禁与访客", Groups.SECURITY);
		add(labels, owners, "pets", "宠物", Groups.SECURITY);
		add(labels, owners, "delivery", "快递外卖", Groups.SECURITY);
		add(labels, owners, "utilities", "水电燃气网络", Groups.ENGINEERING);
		add(labels, owners, "environment", "环境卫生", Groups.CLEANING);
		add(labels, owners, "residence", "入住与房屋", Groups.SERVICE_DESK);
		add(labels, owners, "services", "服务与设施", Groups.SERVICE_DESK);
		add(labels, owners, "other", "其他", Groups.SERVICE_DESK);
		LABELS = Collections.unmodifiableMap(labels);
		OWNERS = Collections.unmodifiableMap(owners);
	}

	private static void add(Map<String, String> labels, Map<String, String> owners, String code, String label,
			String owner) {
		labels.put(code, label);
		owners.put(code, owner);
	}

	private InquiryCategories() {
	}

}
