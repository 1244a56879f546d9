package com.propdesk.worklog;

import java.time.OffsetDateTime;

import com.propdesk.system.Var;

/** Element ids and variables of {@code work-round} (one planned round of a duty) and of its planner. */
public final class WorkRoundProcess {

	public static final String KEY = "work-round";

	/** The process whose hourly timer plans the rounds of the next day. */
	public static final String PLANNER_KEY = "work-round-planner";

	/** The app recorded the round ({@code POST /api/worklogs}): the round's instance ends without its task. */
	public static final String MESSAGE_RECORDED = "WorkRoundRecorded";

	public static final String TASK_RECORD_ROUND = "Task_RecordRound";

	public static final String TIMER_ROUND_STARTS = "Timer_RoundStarts";

	public static final String TIMER_ROUND_MISSED = "Timer_RoundMissed";

	public static final Var<Long> ROUND_ID = Var.of("roundId", Long.class);

	public static final Var<String> DUTY = Var.text("duty");

	public static final Var<String> DUTY_LABEL = Var.text("dutyLabel");

	/** The group the round's task is offered to: the duty's department. */
	public static final Var<String> DEPARTMENT = Var.text("department");

	public static final Var<String> BUILDING = Var.text("building");

	public static final Var<String> BUILDING_NAME = Var.text("buildingName");

	public static final Var<String> LOCATION = Var.text("location");

	public static final Var<String> CONTRACTOR = Var.text("contractor");

	/** When the round may be recorded, as staff read it: {@code 2026-11-27 08:00 至 18:00}. */
	public static final Var<String> ROUND_WINDOW = Var.text("roundWindow");

	/** The last work log of the same duty and building, as staff read it (who, when, notes). */
	public static final Var<String> PREVIOUS_LOG = Var.text("previousLog");

	public static final Var<OffsetDateTime> STARTS_AT = Var.time("startsAt");

	/** The task's due date and the time the round counts as missed. */
	public static final Var<OffsetDateTime> DUE_AT = Var.time("dueAt");

	/** What the task records: when the round was done (now when left empty), notes, and a problem found. */
	public static final Var<OffsetDateTime> DONE_AT = Var.time("doneAt");

	public static final Var<String> NOTES = Var.text("notes");

	public static final Var<Boolean> PROBLEM_FOUND = Var.flag("problemFound");

	public static final Var<String> PROBLEM = Var.text("problem");

	private WorkRoundProcess() {
	}

}
