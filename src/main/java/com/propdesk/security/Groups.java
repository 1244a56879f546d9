package com.propdesk.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Camunda groups, with the names staff read; diagrams, Tasklist filters and authorizations name these ids, so
 * they stay stable.
 */
public final class Groups {

	public static final String SERVICE_DESK = "service-desk";
	public static final String ENGINEERING = "engineering";
	public static final String CLEANING = "cleaning";
	public static final String SECURITY = "security";
	public static final String MANAGEMENT = "management";
	public static final String DUTY_OFFICER = "duty-officer";
	public static final String AUDITOR = "auditor";
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** The group channel systems act in when they open a case through the API; not a group of people. */
	public static final String CHANNELS = "channels";

	/** Group id → Chinese name, in the contract's order. */
	public static final Map<String, String> NAMES;

	/** The departments a technician can belong to and a repair can be routed to. */
	public static final Map<String, String> DEPARTMENTS = Map.of(ENGINEERING, "工程部", CLEANING, "保洁部", SECURITY, "安保部");

	static {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(SERVICE_DESK, "客服");
		names.put(ENGINEERING, "工程部");
		names.put(CLEANING, "保洁部");
		names.put(SECURITY, "安保部");
		names.put(MANAGEMENT, "管理层");
		names.put(DUTY_OFFICER, "24小时值班");
		names.put(AUDITOR, "审计");
		NAMES = java.util.Collections.unmodifiableMap(names);
	}

	private Groups() {
	}

	public static String label(String groupId) {
		return NAMES.getOrDefault(groupId, groupId);
	}

}
