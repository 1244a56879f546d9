package com.propdesk.inquiry;

/** Names in {@code processes/inquiry.bpmn} that code, forms and tests refer to. */
public final class InquiryProcess {

	public static final String KEY = "inquiry";

	public static final String TRIAGE_DECISION = "inquiry-triage";

	// element ids
	public static final String DESK_ANSWER = "Task_DeskAnswer";
	public static final String SPECIALIST_REPLY = "Task_SpecialistReply";
	public static final String REVIEW_ENTRY = "Task_ReviewEntry";
	public static final String END_AUTO_ANSWERED = "Event_AutoAnswered";
	public static final String END_ANSWERED = "Event_Answered";

	// variables
	/** How the inquiry goes on after matching: auto, desk or specialist. */
	public static final String ROUTE = "route";
	public static final String AUTO = "auto";
	public static final String DESK = "desk";
	public static final String SPECIALIST = "specialist";

	/** The entry the knowledge base answered with. */
	public static final String ANSWER_CODE = "answerCode";
	/** The desk's choice: candidate1, candidate2, candidate3, own or specialist. */
	public static final String ANSWER_MODE = "answerMode";
	public static final String ANSWER_TEXT = "answerText";
	public static final String SPECIALIST_GROUP = "specialistGroup";
	/** A promise the desk chose, in hours; a triage-table promise comes as an ISO duration in {@code promiseWithin}. */
	public static final String PROMISE_HOURS = "promiseHours";
	public static final String PROMISE_WITHIN = "promiseWithin";
	public static final String PROMISED_AT = "promisedAt";
	public static final String ADD_TO_KNOWLEDGE = "addToKnowledgeBase";
	public static final String KNOWLEDGE_CATEGORY = "knowledgeCategory";
	public static final String PROPOSE_ENTRY = "proposeEntry";
	/** The draft's id, for the record: the review reads the case's own pending draft, never this variable. */
	public static final String DRAFT_ID = "draftId";
	public static final String DRAFT_DEPARTMENT = "draftDepartment";
	public static final String APPROVED = "approved";

	/** Variables describing the n-th candidate (1-based) offered to the desk. */
	static String candidate(int n, String field) {
		return "candidate" + n + field;
	}

	private InquiryProcess() {
	}

}
