package com.propdesk.complaint;

import static com.propdesk.intake.CaseService.caseNo;

import static com.propdesk.complaint.ComplaintProcess.COMPLAINT_TIER;
import static com.propdesk.complaint.ComplaintProcess.MAJOR;
import static com.propdesk.complaint.ComplaintProcess.RESPONSIBLE_DEPARTMENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.notify.Notifications;
import com.propdesk.notify.OwnerEvents;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.Clock;
import com.propdesk.system.Variables;
import com.propdesk.intake.CaseTimeline;

/** The steps of {@code processes/complaint.bpmn}; each reads the process, calls a shared service, writes results. */
final class ComplaintDelegates {

	private ComplaintDelegates() {
	}


	/** {@code ${checkRepeatComplaintDelegate}}: another complaint about the same unit within 90 days. */
	@Component("checkRepeatComplaintDelegate")
	static class CheckRepeat implements JavaDelegate {

		private final CaseService cases;

		CheckRepeat(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			boolean repeat = cases.repeatComplaint(caseNo, record.unit(),
					record.createdAt().minusDays(ComplaintProcess.REPEAT_WINDOW_DAYS));
			execution.setVariable(ComplaintProcess.REPEAT, repeat);
			if (repeat) {
				cases.record(caseNo, ComplaintCaseType.Timeline.REPEAT, record.unit() + " 在 " + ComplaintProcess.REPEAT_WINDOW_DAYS + " 天内已有投诉");
			}
		}

	}

	/** {@code ${recordComplaintTierDelegate}}: the table's tier on the case; a major complaint pages management. */
	@Component("recordComplaintTierDelegate")
	static class RecordTier implements JavaDelegate {

		private final CaseService cases;

		private final Notifications notifications;

		RecordTier(CaseService cases, Notifications notifications) {
			this.cases = cases;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			@SuppressWarnings("unchecked")
			Map<String, Object> tier = (Map<String, Object>) execution.getVariable("tier");
			String level = (String) tier.get("tier");
			String reason = (String) tier.get("reason");
			execution.setVariable(COMPLAINT_TIER, level);
			execution.setVariable(ComplaintProcess.TIER_REASON, reason);
			execution.setVariable(ComplaintProcess.REOPEN_COUNT, 0);
			if (!execution.hasVariable(RESPONSIBLE_DEPARTMENT)) {
				execution.setVariable(RESPONSIBLE_DEPARTMENT, Groups.SERVICE_DESK);
			}
			String caseNo = caseNo(execution);
			tierCase(cases, notifications, caseNo, level, reason);
		}

	}

	static void tierCase(CaseService cases, Notifications notifications, String caseNo, String level, String reason) {
		boolean major = MAJOR.equals(level);
		CaseRecord record = cases.find(caseNo).orElseThrow();
		cases.classify(caseNo, record.category(), major ? "P1" : "P3", major ? Groups.MANAGEMENT : Groups.SERVICE_DESK);
		cases.record(caseNo, ComplaintCaseType.Timeline.TIERED, (major ? "重大投诉：" : "一般投诉：") + reason);
		if (major) {
			notifications.page("major-complaint:" + caseNo, Groups.MANAGEMENT, caseNo,
					"【重大投诉】" + caseNo + " " + reason + "：" + record.description());
		}
	}

	/** {@code ${startComplaintClocksDelegate}}: first response (24 h) and resolution (72 h) from intake. */
	@Component("startComplaintClocksDelegate")
	static class StartClocks implements JavaDelegate {

		private final CaseService cases;

		private final SlaService slas;

		StartClocks(CaseService cases, SlaService slas) {
			this.cases = cases;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			OffsetDateTime intake = cases.find(caseNo).orElseThrow().createdAt();
			slas.start(caseNo, SlaNames.COMPLAINT_FIRST_RESPONSE, null, intake);
			slas.start(caseNo, SlaNames.COMPLAINT_RESOLUTION, null, intake);
		}

	}

	/** {@code ${recordRetierDelegate}}: the desk found an ordinary complaint to be major; management takes it over. */
	@Component("recordRetierDelegate")
	static class RecordRetier implements JavaDelegate {

		private final CaseService cases;

		private final Notifications notifications;

		private final SlaService slas;

		RecordRetier(CaseService cases, Notifications notifications, SlaService slas) {
			this.cases = cases;
			this.notifications = notifications;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String reason = Variables.text(execution, ComplaintProcess.RETIER_REASON);
			if (reason.isEmpty()) {
				throw new ProcessEngineException("改为重大投诉时必须填写理由");
			}
			String caseNo = caseNo(execution);
			execution.setVariable(COMPLAINT_TIER, MAJOR);
			execution.setVariable(ComplaintProcess.TIER_REASON, "客服改级：" + reason);
			// a major complaint is resolved per management's plan, not within the ordinary 72 hours
			slas.stopAll(caseNo, "改为重大投诉，按管理层方案处理");
			tierCase(cases, notifications, caseNo, MAJOR, "客服改级：" + reason);
		}

	}

	/** {@code ${startPlanClockDelegate}}: a major complaint's resolution is timed against its plan's due time. */
	@Component("startPlanClockDelegate")
	static class StartPlanClock implements JavaDelegate {

		private static final java.time.format.DateTimeFormatter PLAN_DUE = java.time.format.DateTimeFormatter
				.ofPattern("yyyy-MM-dd HH:mm");

		private final SlaService slas;

		StartPlanClock(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			OffsetDateTime due;
			try {
				due = java.time.LocalDateTime.parse(Variables.text(execution, "planDue"), PLAN_DUE)
						.atZone(ZoneId.systemDefault()).toOffsetDateTime();
			}
			catch (DateTimeParseException e) {
				throw new ProcessEngineException("计划完成时间格式应为 2026-12-01 18:00");
			}
			if (!due.isAfter(Clock.now())) {
				throw new ProcessEngineException("计划完成时间必须晚于现在");
			}
			slas.startUntil(caseNo(execution), SlaNames.COMPLAINT_RESOLUTION, due, "按管理层方案");
		}

	}

	/** {@code ${openComplaintRepairDelegate}}: the plan needs a repair; it is opened as a linked case and awaited. */
	@Component("openComplaintRepairDelegate")
	static class OpenRepair implements JavaDelegate {

		private final CaseService cases;

		OpenRepair(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String category = Variables.text(execution, "repairCategory");
			String description = Variables.text(execution, "repairDescription");
			String repairNo = cases.openLinked(caseNo(execution), "repair", category.isEmpty() ? "other" : category,
					description.isEmpty() ? Variables.text(execution, "plan") : description);
			execution.setVariable(CaseService.AWAITED_CASE_NO, repairNo);
			// a repair may end within its own report (a life-safety one is promoted at once): then nothing is awaited
			CaseStatus status = cases.find(repairNo).orElseThrow().status();
			execution.setVariable("awaitedCaseOutcome",
					status == CaseStatus.CLOSED || status == CaseStatus.PROMOTED ? status.code() : null);
		}

	}

	/** {@code ${sendComplaintReplyDelegate}}: the written reply reaches the owner (event, SMS, callback). */
	@Component("sendComplaintReplyDelegate")
	static class SendReply implements JavaDelegate {

		private final CaseService cases;

		private final OwnerEvents events;

		SendReply(CaseService cases, OwnerEvents events) {
			this.cases = cases;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String reply = Variables.text(execution, ComplaintProcess.REPLY_TEXT);
			cases.changeStatus(caseNo, CaseStatus.AWAITING_FEEDBACK);
			cases.record(caseNo, ComplaintCaseType.Timeline.REPLIED, "书面答复：" + reply);
			events.publish(caseNo, "resolved", "您的投诉已答复：" + reply, null);
		}

	}

	/** {@code ${reopenComplaintDelegate}}: the owner is not satisfied the first time; the complaint is handled again. */
	@Component("reopenComplaintDelegate")
	static class Reopen implements JavaDelegate {

		private final CaseService cases;

		private final OwnerEvents events;

		Reopen(CaseService cases, OwnerEvents events) {
			this.cases = cases;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			execution.setVariable(ComplaintProcess.REOPEN_COUNT,
					((Number) execution.getVariable(ComplaintProcess.REOPEN_COUNT)).intValue() + 1);
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			cases.record(caseNo, ComplaintCaseType.Timeline.REOPENED, "业主不满意，重新处理：" + Variables.text(execution, "ownerComment"));
			events.publish(caseNo, "reopened");
		}

	}

	/** {@code ${recordRootCauseDelegate}}: cause and improvement plan on the case; the plan's due date becomes a timer. */
	@Component("recordRootCauseDelegate")
	static class RecordRootCause implements JavaDelegate {

		private final CaseService cases;

		RecordRootCause(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			LocalDate due;
			try {
				due = LocalDate.parse(Variables.text(execution, ComplaintProcess.IMPROVEMENT_DUE));
			}
			catch (DateTimeParseException e) {
				throw new ProcessEngineException("整改完成日期格式应为 2026-12-15");
			}
			if (due.isBefore(Clock.now().toLocalDate())) {
				throw new ProcessEngineException("整改完成日期不能早于今天");
			}
			// due at the end of that day, estate time
			execution.setVariable(ComplaintProcess.IMPROVEMENT_DUE_AT,
					Date.from(due.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.ROOT_CAUSE, "根因：" + Variables.text(execution, "causeCategory") + "；整改："
					+ Variables.text(execution, "improvementAction") + "（" + Variables.text(execution, "improvementOwner")
					+ "，" + due + " 前）");
		}

	}

	/** {@code ${closeComplaintDelegate}}: answered, reviewed and analysed: 已办结. */
	@Component("closeComplaintDelegate")
	static class Close implements JavaDelegate {

		private final CaseService cases;

		Close(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.changeStatus(caseNo, CaseStatus.CLOSED);
			cases.record(caseNo, CaseTimeline.CLOSED, "已办结");
		}

	}

	/** {@code ${recordImprovementDelegate}}: the improvement is done. */
	@Component("recordImprovementDelegate")
	static class RecordImprovement implements JavaDelegate {

		private final CaseService cases;

		RecordImprovement(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.IMPROVED, "整改完成：" + Variables.text(execution, "improvementResult"));
		}

	}

}
