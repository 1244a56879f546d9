package com.propdesk.complaint;

/** Names in {@code processes/complaint.bpmn} that code, forms and tests refer to. */
public final class ComplaintProcess {

	public static final String KEY = "complaint";

	// element ids
	public static final String TIER = "Task_Tier";
	public static final String FIRST_RESPONSE = "Task_FirstResponse";
	public static final String RESOLVE = "Task_Resolve";
	public static final String SET_PLAN = "Task_SetPlan";
	public static final String OPEN_REPAIR = "Task_OpenRepair";
	public static final String REPAIR_CLOSED = "Message_RepairClosed";
	public static final String EXECUTE_PLAN = "Task_ExecutePlan";
	public static final String WRITTEN_REPLY = "Task_WrittenReply";
	public static final String SATISFACTION = "Task_Satisfaction";
	public static final String MANAGEMENT_REVIEW = "Task_ManagementReview";
	public static final String ROOT_CAUSE = "Task_RootCause";
	public static final String IMPROVEMENT = "Task_Improvement";
	public static final String ESCALATE_IMPROVEMENT = "Task_EscalateImprovement";
	public static final String END_CLOSED = "Event_ComplaintClosed";

	// variables
	/** ordinary or major, from the tier table or a re-tier. */
	public static final String COMPLAINT_TIER = "complaintTier";
	public static final String TIER_REASON = "tierReason";
	public static final String REPEAT = "repeatComplaint";
	public static final String RESPONSIBLE_DEPARTMENT = "responsibleDepartment";
	public static final String RETIER = "retier";
	public static final String RETIER_REASON = "retierReason";
	public static final String NEEDS_REPAIR = "needsRepair";
	public static final String REPLY_TEXT = "replyText";
	public static final String SATISFIED = "satisfied";
	public static final String REOPEN_COUNT = "reopenCount";
	public static final String IMPROVEMENT_DUE = "improvementDue";
	public static final String IMPROVEMENT_DUE_AT = "improvementDueAt";

	public static final String ORDINARY = "ordinary";
	public static final String MAJOR = "major";

	/** A complaint about the same unit within this many days counts as major. */
	public static final int REPEAT_WINDOW_DAYS = 90;

	private ComplaintProcess() {
	}

}
