package com.propdesk.repair;

import java.time.OffsetDateTime;
import java.util.Map;

import com.propdesk.system.Var;

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
	public static final String START_RESOLUTION_CLOCK = "Task_StartResolutionClock";
	public static final String GATEWAY_EQUIPMENT_FAILURE = "Gateway_EquipmentFailure";
	public static final String START_INVESTIGATION_CLOCK = "Task_StartInvestigationClock";
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
	public static final Var<Triage> TRIAGE_RESULT = Var.decision("triage", Triage.class, Triage::of);
	public static final Var<Boolean> LIFE_SAFETY = Var.flag("lifeSafety");
	/** Whether the category is an equipment failure (设施设备故障), which starts the 2-hour initial investigation. */
	public static final Var<Boolean> EQUIPMENT_FAILURE = Var.flag("equipmentFailure");
	/** Priority of the repair's tasks in Tasklist: P1 100, P2 75, P3 50, P4 25. */
	public static final Var<Integer> TASK_PRIORITY = Var.integer("taskPriority");
	/** "done", "handBack" or "paused", from the technician's form. */
	public static final Var<String> REPAIR_OUTCOME = Var.text("repairOutcome");
	public static final String OUTCOME_DONE = "done";
	public static final String OUTCOME_HAND_BACK = "handBack";
	public static final String OUTCOME_PAUSED = "paused";
	/** partsOnOrder or ownerUnreachable, when the outcome is paused. */
	public static final Var<String> PAUSE_REASON = Var.text("pauseReason");
	public static final Var<String> PAUSE_REASON_LABEL = Var.text("pauseReasonLabel");
	public static final Var<String> RESUME_NOTE = Var.text("resumeNote");
	/** When the technician, accepting the job, expects to be on site (the form's date-time picker). */
	public static final Var<OffsetDateTime> ETA = Var.time("eta");
	/** From the acceptance form: did the owner accept the work? */
	public static final Var<Boolean> ACCEPTED = Var.flag("accepted");
	public static final Var<String> REJECTION_REASON = Var.text("rejectionReason");
	public static final Var<String> OWNER_CONFIRMATION = Var.text("ownerConfirmation");
	public static final Var<Boolean> RETURN_VISIT = Var.flag("returnVisit");
	public static final Var<Boolean> VISIT_REACHED = Var.flag("visitReached");
	public static final Var<String> VISIT_SATISFACTION = Var.text("visitSatisfaction");
	public static final Var<String> VISIT_OUTCOME = Var.text("visitOutcome");
	public static final Var<String> DIAGNOSIS = Var.text("diagnosis");
	public static final Var<String> WORK_DONE = Var.text("workDone");
	public static final Var<String> MATERIALS = Var.text("materials");
	public static final Var<Double> COST = Var.number("cost");
	public static final Var<String> HAND_BACK_REASON = Var.text("handBackReason");
	/** Another department the job should go to; empty when it stays in the same department. */
	public static final Var<String> HAND_BACK_DEPARTMENT = Var.text("handBackDepartment");
	/** What earlier technicians found and why they handed back, shown on the next one's form. */
	public static final Var<String> REPAIR_NOTES = Var.text("repairNotes");

	/** What {@code repair-triage} decided; {@code decided} is false when the desk must classify. */
	public record Triage(String priority, String department, boolean lifeSafety, boolean decided) {

		static Triage of(Map<String, Object> result) {
			return new Triage((String) result.get("priority"), (String) result.get("department"),
					Boolean.TRUE.equals(result.get("lifeSafety")), Boolean.TRUE.equals(result.get("decided")));
		}

	}

	private RepairProcess() {
	}

}
