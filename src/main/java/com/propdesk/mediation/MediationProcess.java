package com.propdesk.mediation;

import java.time.OffsetDateTime;

import com.propdesk.system.Var;

/** Names in {@code processes/mediation.bpmn} that code, forms and tests refer to. */
public final class MediationProcess {

	public static final String KEY = "mediation";

	// element ids
	public static final String START = "StartEvent_DisputeReported";
	public static final String RECORD_PARTIES = "Task_RecordParties";
	public static final String TALK_REPORTER = "Task_TalkReporter";
	public static final String TALK_OTHER = "Task_TalkOtherParty";
	public static final String EVIDENCE = "Task_Evidence";
	public static final String POLICE = "Task_PoliceReferral";
	public static final String PROPOSE = "Task_ProposeSettlement";
	public static final String RESPONSES = "Task_PartyResponses";
	public static final String LONG_TERM = "Task_LongTermMeasure";
	public static final String TIMER_FIRST_FOLLOW_UP = "Timer_FirstFollowUp";
	public static final String FIRST_FOLLOW_UP = "Task_FirstFollowUp";
	public static final String TIMER_SECOND_FOLLOW_UP = "Timer_SecondFollowUp";
	public static final String SECOND_FOLLOW_UP = "Task_SecondFollowUp";
	public static final String CLOSE_IN_WRITING = "Task_CloseInWriting";
	public static final String END_CLOSED = "Event_MediationClosed";

	// the two sides of a dispute, as the talk steps' input parameter names them
	public static final String REPORTER_SIDE = "reporter";
	public static final String OTHER_SIDE = "other";

	// variables
	/** Input parameter of the talk and follow-up steps: which side ({@code reporter}, {@code other}) or visit. */
	public static final Var<String> SIDE = Var.text("side");
	public static final Var<String> VISIT = Var.text("visit");
	/** A dispute between the same units within 90 days, and the earlier case. */
	public static final Var<Boolean> RECURRING = Var.flag("recurringDispute");
	public static final Var<String> RECURRING_OF = Var.text("recurringOf");
	/** Each side's talk: a neutral record of the facts they state and what they ask for. */
	public static final Var<String> REPORTER_FACTS = Var.text("reporterFacts");
	public static final Var<String> REPORTER_DEMANDS = Var.text("reporterDemands");
	public static final Var<String> OTHER_FACTS = Var.text("otherFacts");
	public static final Var<String> OTHER_DEMANDS = Var.text("otherDemands");
	/** Evidence: upload ids per kind, what the evidence shows, and whether the police office is asked to help. */
	public static final Var<String> CCTV_UPLOADS = Var.text("cctvUploads");
	public static final Var<String> DECIBEL_UPLOADS = Var.text("decibelUploads");
	public static final Var<String> PHOTO_UPLOADS = Var.text("photoUploads");
	public static final Var<String> LEAK_TEST_UPLOADS = Var.text("leakTestUploads");
	public static final Var<String> EVIDENCE_FINDINGS = Var.text("evidenceFindings");
	public static final Var<String> EVIDENCE_SUMMARY = Var.text("evidenceSummary");
	public static final Var<Boolean> REFER_TO_POLICE = Var.flag("referToPolice");
	public static final Var<String> POLICE_OUTCOME = Var.text("policeOutcome");
	public static final Var<String> SETTLEMENT = Var.text("settlement");
	/** Each side's answer to the proposed settlement, with its note. */
	public static final Var<Boolean> REPORTER_ACCEPTS = Var.flag("reporterAccepts");
	public static final Var<String> REPORTER_RESPONSE = Var.text("reporterResponse");
	public static final Var<Boolean> OTHER_ACCEPTS = Var.flag("otherAccepts");
	public static final Var<String> OTHER_RESPONSE = Var.text("otherResponse");
	/** When a side declines: propose a revised settlement, or close the mediation unsettled. */
	public static final Var<Boolean> REVISE_SETTLEMENT = Var.flag("reviseSettlement");
	public static final Var<Boolean> SETTLED = Var.flag("settled");
	public static final Var<OffsetDateTime> FIRST_FOLLOW_UP_AT = Var.time("firstFollowUpAt");
	public static final Var<OffsetDateTime> SECOND_FOLLOW_UP_AT = Var.time("secondFollowUpAt");
	public static final Var<String> FIRST_FOLLOW_UP_NOTE = Var.text("firstFollowUpNote");
	public static final Var<String> SECOND_FOLLOW_UP_NOTE = Var.text("secondFollowUpNote");
	public static final Var<String> LONG_TERM_MEASURE = Var.text("longTermMeasure");
	public static final Var<String> CLOSING_LETTER = Var.text("closingLetter");

	/** A second dispute between the same units within this many days is recurring. */
	public static final int RECURRING_WINDOW_DAYS = 90;

	private MediationProcess() {
	}

}
