package com.propdesk.emergency;

import java.util.Map;

/** Names in {@code processes/emergency.bpmn} that code, forms and tests refer to. */
public final class EmergencyProcess {

	public static final String KEY = "emergency";

	// element ids
	public static final String ACKNOWLEDGE = "Task_Acknowledge";
	public static final String EVACUATE = "Task_Evacuate";
	public static final String EXTERNAL_CALL = "Task_ExternalCall";
	public static final String COMMAND = "Task_Command";
	public static final String BROADCAST = "Task_Broadcast";
	public static final String ON_SITE = "Task_OnSite";
	public static final String RESOLVE = "Task_Resolve";
	public static final String REVIEW = "Task_Review";
	public static final String APPROVE_PLAN = "Task_ApprovePlanChange";
	public static final String END_CLOSED = "Event_EmergencyClosed";

	// variables
	public static final String DRILL = "drill";
	public static final String LIFE_SAFETY = "lifeSafety";
	public static final String PLAN_VERSION = "planVersion";
	public static final String PLAN_TITLE = "planTitle";
	public static final String PLAN_STEPS = "planSteps";
	public static final String PLAN_CONTACTS = "planContacts";

	/** The skill an equipment failure needs from the technician dispatched to it. */
	static final Map<String, String> SKILLS = Map.of("burst-pipe", "plumbing", "water-cut", "plumbing", "power-cut",
			"electrical", "lift-failure", "lift");

	private EmergencyProcess() {
	}

}
