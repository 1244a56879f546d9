package com.propdesk.report;

import java.util.List;

import com.propdesk.system.Var;

/** Variables and element ids of {@code processes/monthly-report.bpmn}. */
public final class MonthlyReportProcess {

	public static final String KEY = "monthly-report";

	public static final String TIMER_START = "StartEvent_MonthBegun";

	public static final String REQUESTED_START = "StartEvent_DraftRequested";

	/** The message the drafts API starts the process with (a process has one none or timer start, not both). */
	public static final String DRAFT_REQUESTED = "MonthlyReportRequested";

	public static final String DRAFT = "Task_DraftReports";

	public static final String REVIEW = "Task_ReviewReport";

	public static final String PUBLISH = "Task_PublishReport";

	/** The month reported on, {@code yyyy-MM}; absent at the timer start: the month before the current one. */
	public static final Var<String> MONTH = Var.text("month");

	/** The reports drafted now, one per building: the review's multi-instance collection. */
	@SuppressWarnings("rawtypes")
	public static final Var<List> REPORT_IDS = Var.of("reportIds", List.class);

	/** One review's report (the multi-instance element). */
	public static final Var<String> REPORT_ID = Var.text("reportId");

	/** The review form's read-only header: building, month, the figures in words, where to preview. */
	public static final Var<String> BUILDING_LABEL = Var.text("buildingLabel");

	public static final Var<String> FIGURES_TEXT = Var.text("figuresText");

	public static final Var<String> PREVIEW_PATH = Var.text("previewPath");

	/** What the manager adds to the report for the owners. */
	public static final Var<String> MANAGER_NOTE = Var.text("managerNote");

	private MonthlyReportProcess() {
	}

}
