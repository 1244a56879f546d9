package com.propdesk.system;

/**
 * The variables every case process shares, whatever its type: who reported what, where, through which
 * channel, and the owner's feedback. Each case type's own variables are in its process class
 * ({@code RepairProcess}, …).
 */
public final class CaseVariables {

	public static final Var<String> CASE_NO = Var.text("caseNo");

	public static final Var<String> CHANNEL = Var.text("channel");

	public static final Var<String> REPORTER_NAME = Var.text("reporterName");

	public static final Var<String> REPORTER_PHONE = Var.text("reporterPhone");

	public static final Var<String> BUILDING = Var.text("building");

	public static final Var<String> UNIT = Var.text("unit");

	/** The case type's category (a repair's trade, a complaint's kind, an emergency's incident type, …). */
	public static final Var<String> CATEGORY = Var.text("category");

	public static final Var<String> DESCRIPTION = Var.text("description");

	/** A complaint's demand (what the owner asks for) and subject (who or which department it is about). */
	public static final Var<String> DEMAND = Var.text("demand");

	public static final Var<String> SUBJECT = Var.text("subject");

	/** A neighbour dispute's other party: their unit codes, separated by commas ({@code 3-1101,3-1301}). */
	public static final Var<String> OTHER_UNITS = Var.text("otherUnits");

	/** P1 … P4: the priority the case's clocks and tasks are timed by. */
	public static final Var<String> PRIORITY = Var.text("priority");

	public static final Var<Integer> FEEDBACK_SCORE = Var.integer("feedbackScore");

	public static final Var<String> FEEDBACK_COMMENT = Var.text("feedbackComment");

	/** The linked case a process waits for, and how that case ended (a case status code) once it did. */
	public static final Var<String> AWAITED_CASE_NO = Var.text("awaitedCaseNo");

	public static final Var<String> AWAITED_CASE_OUTCOME = Var.text("awaitedCaseOutcome");

	/** The case another one was turned into (an inquiry that was a fault report). */
	public static final Var<String> LINKED_CASE_NO = Var.text("linkedCaseNo");

	private CaseVariables() {
	}

}
