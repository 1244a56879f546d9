package com.propdesk.elderly;

import java.time.OffsetDateTime;

import com.propdesk.system.Var;

/** The names {@code processes/elderly-visit.bpmn}, its forms, its delegates and its tests share. */
public final class ElderlyVisitProcess {

	private ElderlyVisitProcess() {
	}

	public static final String KEY = "elderly-visit";

	public static final String START = "StartEvent_CareStarted";
	public static final String NEXT_VISIT = "Gateway_NextVisit";
	public static final String SCHEDULE_VISIT = "Task_ScheduleVisit";
	public static final String UNDER_CARE_GATEWAY = "Gateway_UnderCare";
	public static final String CARE_ENDED = "Event_CareEnded";
	public static final String TIMER_VISIT_OPENS = "Timer_VisitOpens";
	public static final String VISIT = "Task_Visit";
	public static final String TIMER_VISIT_MISSED = "Timer_VisitMissed";
	public static final String RECORD_VISIT = "Task_RecordVisit";
	public static final String AFTER_VISIT = "Gateway_AfterVisit";
	public static final String REQUESTS = "Gateway_Requests";
	public static final String OPEN_REPAIR = "Task_OpenRepair";
	public static final String ERRAND_TASK = "Task_Errand";
	public static final String OPEN_INQUIRY = "Task_OpenInquiry";
	public static final String RECORD_MISSED = "Task_RecordMissedVisit";
	public static final String MISSED_TWICE = "Gateway_MissedTwice";
	public static final String CALL_CONTACTS = "Gateway_CallContacts";
	public static final String SMS_CONTACTS = "Task_SmsContacts";
	public static final String PHONE_CONTACT = "Task_PhoneContact";

	/** Business key of a resident's visits: {@code elderly-<residentId>}. */
	public static String businessKey(long residentId) {
		return "elderly-" + residentId;
	}

	// --- the resident and the visit planned, written by the scheduling step ---------------------------------
	public static final Var<Long> RESIDENT_ID = Var.of("residentId", Long.class);
	public static final Var<Long> VISIT_ID = Var.of("visitId", Long.class);
	/** False once the care record is withdrawn (or the resident left): the visits end. */
	public static final Var<Boolean> UNDER_CARE = Var.flag("underCare");
	public static final Var<OffsetDateTime> VISIT_OPENS_AT = Var.time("visitOpensAt");
	/** The visit task's due date and the time it counts as missed. */
	public static final Var<OffsetDateTime> VISIT_DUE_AT = Var.time("visitDueAt");
	/** service-desk or security: who the visit task is offered to. */
	public static final Var<String> VISITOR_GROUP = Var.text("visitorGroup");
	public static final Var<String> RESIDENT_NAME = Var.text("residentName");
	public static final Var<String> RESIDENT_UNIT = Var.text("residentUnit");
	public static final Var<String> RESIDENT_PHONE = Var.text("residentPhone");
	/** The care record as the visitor reads it: interval, window, contacts, shared health notes, last visit. */
	public static final Var<String> VISIT_EVERY_LABEL = Var.text("visitEveryLabel");
	public static final Var<String> VISIT_WINDOW = Var.text("visitWindow");
	public static final Var<String> EMERGENCY_CONTACTS = Var.text("emergencyContacts");
	public static final Var<String> HEALTH_NOTES = Var.text("healthNotes");
	public static final Var<String> PREVIOUS_VISIT = Var.text("previousVisit");

	// --- what the visit form records -------------------------------------------------------------------------
	public static final Var<String> WELLBEING = Var.text("wellbeing");
	public static final Var<String> GAS = Var.text("gasCheck");
	public static final Var<String> WATER = Var.text("waterCheck");
	public static final Var<String> ELECTRICITY = Var.text("electricityCheck");
	public static final Var<String> EMERGENCY_BUTTON = Var.text("emergencyButtonCheck");
	public static final Var<String> VISIT_NOTES = Var.text("visitNotes");
	public static final Var<Boolean> REPAIR_REQUESTED = Var.flag("repairRequested");
	/** Named as the other processes that open a repair name it. */
	public static final Var<String> REPAIR_CATEGORY = Var.text("repairCategory");
	public static final Var<String> REPAIR_DESCRIPTION = Var.text("repairDescription");
	public static final Var<Boolean> ERRAND_REQUESTED = Var.flag("errandRequested");
	public static final Var<String> ERRAND = Var.text("errand");
	public static final Var<Boolean> INQUIRY_REQUESTED = Var.flag("inquiryRequested");
	public static final Var<String> INQUIRY_QUESTION = Var.text("inquiryQuestion");

	/** The visit just recorded: its requests' steps read it (the next visit is planned meanwhile). */
	public static final Var<Long> VISITED_ID = Var.of("visitedId", Long.class);

	// --- the errand task (local: the next visit may be recorded before the errand is done) -------------------
	public static final Var<Long> ERRAND_VISIT_ID = Var.of("errandVisitId", Long.class);
	public static final Var<String> ERRAND_TEXT = Var.text("errandText");
	public static final Var<String> ERRAND_RESULT = Var.text("errandResult");

	// --- a missed visit ----------------------------------------------------------------------------------------
	/** Visits missed in a row, this one included. */
	public static final Var<Integer> MISSED_IN_ROW = Var.integer("missedInRow");
	/** The visit just missed: the contacts' steps read it (the next visit is planned meanwhile). */
	public static final Var<Long> MISSED_VISIT_ID = Var.of("missedVisitId", Long.class);
	public static final Var<Long> CONTACT_VISIT_ID = Var.of("contactVisitId", Long.class);
	public static final Var<String> MISSED_VISITS = Var.text("missedVisits");
	public static final Var<String> CONTACT_CALL_NOTE = Var.text("contactCallNote");

	/** Set on an emergency: the building's elderly residents living alone and their contacts, one a line. */
	public static final Var<String> ELDERLY_RESIDENTS = Var.text("elderlyResidents");

	/** The values of the visit form's selects. */
	public static final String CHECK_OK = "ok";
	public static final String CHECK_PROBLEM = "problem";

}
