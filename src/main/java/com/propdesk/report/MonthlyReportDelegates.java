package com.propdesk.report;

import java.time.YearMonth;
import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.propdesk.report.MonthlyReports.MonthlyReport;
import com.propdesk.security.TaskCards;
import com.propdesk.system.Actor;
import com.propdesk.system.Clock;
import com.propdesk.system.Step;

/** The steps of {@code monthly-report}: thin, the work is in {@link MonthlyReports}. */
final class MonthlyReportDelegates {

	private MonthlyReportDelegates() {
	}

	/** The month the timer start reports on: the one before the current month, estate time. */
	static YearMonth previousMonth() {
		return YearMonth.from(Clock.now().atZoneSameInstant(ReportData.ZONE)).minusMonths(1);
	}

	static long reportId(DelegateExecution execution) {
		return Long.parseLong(MonthlyReportProcess.REPORT_ID.get(execution));
	}

	/** {@code ${draftMonthlyReports}}: one draft per building that has none for the month. */
	@Step(label = "起草各楼栋月度报告", offered = false)
	@Component("draftMonthlyReports")
	static class Draft implements JavaDelegate {

		private final MonthlyReports reports;

		Draft(MonthlyReports reports) {
			this.reports = reports;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String given = MonthlyReportProcess.MONTH.get(execution);
			YearMonth month = given == null || given.isBlank() ? previousMonth() : YearMonth.parse(given);
			MonthlyReportProcess.MONTH.set(execution, month.toString());
			MonthlyReportProcess.REPORT_IDS.set(execution,
					new ArrayList<>(reports.draftAll(month, execution.getProcessInstanceId())));
		}

	}

	/**
	 * {@code ${showMonthlyReport}} on the review task's creation: the form's read-only figures, where to preview
	 * the PDF, and the note kept per building (a variable of this review's own scope, not shared by the others).
	 */
	@Step(label = "审核表单显示报告", offered = false)
	@Component("showMonthlyReport")
	static class Show implements TaskListener {

		private final MonthlyReports reports;

		Show(MonthlyReports reports) {
			this.reports = reports;
		}

		@Override
		public void notify(DelegateTask task) {
			MonthlyReport report = reports.find(reportId(task.getExecution())).orElseThrow();
			task.getExecution().setVariableLocal(MonthlyReportProcess.MANAGER_NOTE.name(), null);
			task.setVariableLocal(MonthlyReportProcess.BUILDING_LABEL.name(),
					ReportText.title(report.buildingName(), report.month()));
			// six reviews a month: the card says which building's this one is
			task.setVariableLocal(TaskCards.VARIABLE, ReportText.title(report.buildingName(), report.month()));
			task.setVariableLocal(MonthlyReportProcess.FIGURES_TEXT.name(),
					String.join("\n", ReportText.lines(report.figures())));
			task.setVariableLocal(MonthlyReportProcess.PREVIEW_PATH.name(), "/api/reports/" + report.id() + "/pdf");
		}

	}

	/** {@code ${publishMonthlyReport}}: published with the manager's note, and the building's owners told once each. */
	@Step(label = "发布报告并短信通知业主", offered = false)
	@Component("publishMonthlyReport")
	static class Publish implements JavaDelegate {

		private final MonthlyReports reports;

		Publish(MonthlyReports reports) {
			this.reports = reports;
		}

		@Override
		public void execute(DelegateExecution execution) {
			MonthlyReport report = reports.publish(reportId(execution), MonthlyReportProcess.MANAGER_NOTE.get(execution),
					Actor.current(execution));
			reports.tellOwners(report);
		}

	}

}
