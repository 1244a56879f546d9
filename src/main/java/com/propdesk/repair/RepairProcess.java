package com.propdesk.repair;

/** Names in {@code processes/repair.bpmn} that code, forms and tests refer to. */
public final class RepairProcess {

	public static final String KEY = "repair";

	public static final String TRIAGE_DECISION = "repair-triage";

	// element ids
	public static final String START = "StartEvent_RepairReported";
	public static final String REGISTER = "Task_RegisterCase";
	public static final String TRIAGE = "Task_Triage";
	public static final String GATEWAY_TRIAGE_DECIDED = "Gateway_TriageDecided";
	public static final String DESK_CLASSIFICATION = "Task_DeskClassification";
	public static final String RECORD_CLASSIFICATION = "Task_RecordClassification";
	public static final String DISPATCH = "Task_Dispatch";
	public static final String GATEWAY_TECHNICIAN_FOUND = "Gateway_TechnicianFound";
	public static final String ASSIGN_BY_HAND = "Task_AssignByHand";
	public static final String REPAIR = "Task_Repair";
	public static final String ACCEPT_JOB = "Task_AcceptJob";
	public static final String RECORD_WORK = "Task_RecordWork";
	public static final String WAIT_TO_RESUME = "Task_WaitToResume";
	public static final String ACCEPTANCE = "Task_Acceptance";
	public static final String RECORD_REJECTION = "Task_RecordRejection";
	public static final String FEEDBACK_OR_TIMEOUT = "Gateway_FeedbackOrTimeout";
	public static final String FEEDBACK_TIMEOUT = "Timer_FeedbackTimeout";
	public static final String RETURN_VISIT_TASK = "Task_ReturnVisit";
	public static final String END_PROMOTED = "Event_Promoted";
	public static final String GATEWAY_REPAIR_OUTCOME = "Gateway_RepairOutcome";
	public static final String RECORD_HAND_BACK = "Task_RecordHandBack";
	public static final String CLOSE = "Task_CloseRepair";
	public static final String END_CLOSED = "Event_RepairClosed";

	// variables
	/** Result of the triage table: priority, department, lifeSafety, decided. */
	public static final String TRIAGE_RESULT = "triage";
	public static final String PRIORITY = "priority";
	public static final String LIFE_SAFETY = "lifeSafety";
	/** Priority of the repair's tasks in Tasklist: P1 100, P2 75, P3 50, P4 25. */
	public static final String TASK_PRIORITY = "taskPriority";
	/** "done" or "handBack", from the technician's form. */
	public static final String REPAIR_OUTCOME = "repairOutcome";
	public static final String OUTCOME_DONE = "done";
	public static final String OUTCOME_HAND_BACK = "handBack";
	public static final String OUTCOME_PAUSED = "paused";
	/** partsOnOrder or ownerUnreachable, when the outcome is paused. */
	public static final String PAUSE_REASON = "pauseReason";
	public static final String PAUSE_REASON_LABEL = "pauseReasonLabel";
	/** From the acceptance form: did the owner accept the work? */
	public static final String ACCEPTED = "accepted";
	public static final String REJECTION_REASON = "rejectionReason";
	public static final String OWNER_CONFIRMATION = "ownerConfirmation";
	public static final String RETURN_VISIT = "returnVisit";
	public static final String VISIT_REACHED = "visitReached";
	public static final String VISIT_SATISFACTION = "visitSatisfaction";
	public static final String VISIT_OUTCOME = "visitOutcome";
	public static final String DIAGNOSIS = "diagnosis";
	public static final String WORK_DONE = "workDone";
	public static final String MATERIALS = "materials";
	public static final String COST = "cost";
	public static final String HAND_BACK_REASON = "handBackReason";
	/** Another department the job should go to; empty when it stays in the same department. */
	public static final String HAND_BACK_DEPARTMENT = "handBackDepartment";
	/** What earlier technicians found and why they handed back, shown on the next one's form. */
	public static final String REPAIR_NOTES = "repairNotes";

	private RepairProcess() {
	}

}
