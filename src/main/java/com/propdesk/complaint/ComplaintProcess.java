package com.propdesk.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import com.propdesk.system.Var;

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
	public static final String OPEN_MEDIATION = "Task_OpenMediation";
	public static final String END_TURNED_INTO_MEDIATION = "Event_TurnedIntoMediation";

	// variables
	/** Result of the tier table: tier and reason. */
	public static final Var<Tier> TIER_RESULT = Var.decision("tier", Tier.class, Tier::of);
	/** ordinary or major, from the tier table or a re-tier. */
	public static final Var<String> COMPLAINT_TIER = Var.text("complaintTier");
	public static final Var<String> TIER_REASON = Var.text("tierReason");
	public static final Var<Boolean> REPEAT = Var.flag("repeatComplaint");
	public static final Var<String> RESPONSIBLE_DEPARTMENT = Var.text("responsibleDepartment");
	public static final Var<String> FIRST_CONTACT_NOTE = Var.text("firstContactNote");
	public static final Var<String> EMPATHY_NOTES = Var.text("empathyNotes");
	public static final Var<Boolean> RETIER = Var.flag("retier");
	/** The first contact found a dispute between neighbours: it is mediated instead (the other party's units in otherUnits). */
	public static final Var<Boolean> TO_MEDIATION = Var.flag("toMediation");
	public static final Var<String> RETIER_REASON = Var.text("retierReason");
	public static final Var<String> RESOLUTION = Var.text("resolution");
	public static final Var<String> PLAN = Var.text("plan");
	/** The plan's due time, typed on the plan form as {@code 2026-12-01 18:00} (stored as that text). */
	public static final Var<OffsetDateTime> PLAN_DUE = Var.time("planDue");
	public static final Var<Boolean> NEEDS_REPAIR = Var.flag("needsRepair");
	public static final Var<String> REPAIR_CATEGORY = Var.text("repairCategory");
	public static final Var<String> REPAIR_DESCRIPTION = Var.text("repairDescription");
	public static final Var<String> EXECUTION_NOTE = Var.text("executionNote");
	public static final Var<String> REPLY_TEXT = Var.text("replyText");
	public static final Var<Boolean> SATISFIED = Var.flag("satisfied");
	public static final Var<String> OWNER_COMMENT = Var.text("ownerComment");
	public static final Var<Integer> REOPEN_COUNT = Var.integer("reopenCount");
	public static final Var<String> REVIEW_DECISION = Var.text("reviewDecision");
	public static final Var<String> ESCALATION_NOTE = Var.text("escalationNote");
	public static final Var<String> CAUSE_CATEGORY = Var.text("causeCategory");
	public static final Var<String> IMPROVEMENT_ACTION = Var.text("improvementAction");
	public static final Var<String> IMPROVEMENT_OWNER = Var.text("improvementOwner");
	/** The day the improvement is due, typed on the root-cause form as {@code 2026-12-15}. */
	public static final Var<LocalDate> IMPROVEMENT_DUE = Var.date("improvementDue");
	/** The end of that day, the overdue timer's {@code timeDate}. */
	public static final Var<OffsetDateTime> IMPROVEMENT_DUE_AT = Var.time("improvementDueAt");
	public static final Var<String> IMPROVEMENT_RESULT = Var.text("improvementResult");

	/** What {@code complaint-tier} decided. */
	public record Tier(String tier, String reason) {

		static Tier of(Map<String, Object> result) {
			return new Tier((String) result.get("tier"), (String) result.get("reason"));
		}

	}

	public static final String ORDINARY = "ordinary";
	public static final String MAJOR = "major";

	/** A complaint about the same unit within this many days counts as major. */
	public static final int REPEAT_WINDOW_DAYS = 90;

	private ComplaintProcess() {
	}

}
