package com.propdesk.emergency;

import java.time.OffsetDateTime;
import java.util.Map;

import com.propdesk.system.Var;

/** Names in {@code processes/emergency.bpmn} that code, forms and tests refer to. */
public final class EmergencyProcess {

	public static final String KEY = "emergency";

	// element ids
	public static final String ACKNOWLEDGE = "Task_Acknowledge";
	public static final String EVACUATE = "Task_Evacuate";
	public static final String EXTERNAL_CALL = "Task_ExternalCall";
	public static final String COMMAND = "Task_Command";
	public static final String BROADCAST = "Task_Broadcast";
	public static final String ASSIGN_BY_HAND = "Task_AssignByHand";
	public static final String ON_SITE = "Task_OnSite";
	public static final String RESOLVE = "Task_Resolve";
	public static final String REVIEW = "Task_Review";
	public static final String APPROVE_PLAN = "Task_ApprovePlanChange";
	public static final String END_CLOSED = "Event_EmergencyClosed";

	// variables
	public static final Var<Boolean> DRILL = Var.flag("drill");
	public static final Var<Boolean> LIFE_SAFETY = Var.flag("lifeSafety");
	public static final Var<Integer> PLAN_VERSION = Var.integer("planVersion");
	public static final Var<String> PLAN_TITLE = Var.text("planTitle");
	public static final Var<String> PLAN_STEPS = Var.text("planSteps");
	public static final Var<String> PLAN_CONTACTS = Var.text("planContacts");
	/** Which step {@code recordEmergencyStepDelegate} records: an input parameter of the element. */
	public static final Var<String> STEP = Var.text("step");
	public static final Var<String> ACK_NOTE = Var.text("ackNote");
	public static final Var<String> EVACUATION_NOTE = Var.text("evacuationNote");
	public static final Var<String> CALLED_NUMBER = Var.text("calledNumber");
	/** When the duty officer called out, chosen in the form's date-time picker. */
	public static final Var<OffsetDateTime> CALLED_AT = Var.time("calledAt");
	public static final Var<String> CALL_NOTE = Var.text("callNote");
	public static final Var<String> COMMAND_NOTE = Var.text("commandNote");
	public static final Var<String> DIAGNOSIS = Var.text("diagnosis");
	public static final Var<String> RESOLUTION = Var.text("resolution");
	/** When the danger was over, for the review's figures. */
	public static final Var<OffsetDateTime> RESOLVED_AT = Var.time("resolvedAt");
	public static final Var<String> REVIEW_ACKNOWLEDGE = Var.text("reviewAcknowledge");
	public static final Var<String> REVIEW_DISPATCH = Var.text("reviewDispatch");
	public static final Var<String> REVIEW_ON_SITE = Var.text("reviewOnSite");
	public static final Var<String> REVIEW_RESOLUTION = Var.text("reviewResolution");
	public static final Var<String> REVIEW_BREACHES = Var.text("reviewBreaches");
	public static final Var<String> REVIEW_PARTICIPANTS = Var.text("reviewParticipants");
	public static final Var<String> FINDINGS = Var.text("findings");
	public static final Var<Boolean> PROPOSE_PLAN_CHANGE = Var.flag("proposePlanChange");
	public static final Var<String> NEW_STEPS = Var.text("newSteps");
	public static final Var<String> NEW_CONTACTS = Var.text("newContacts");
	public static final Var<Boolean> PLAN_APPROVED = Var.flag("planApproved");
	public static final Var<String> APPROVAL_NOTE = Var.text("approvalNote");

	/** The skill an equipment failure needs from the technician dispatched to it. */
	static final Map<String, String> SKILLS = Map.of("burst-pipe", "plumbing", "water-cut", "plumbing", "power-cut",
			"electrical", "lift-failure", "lift");

	private EmergencyProcess() {
	}

}
