package com.propdesk.complaint;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.complaint.ComplaintProcess.COMPLAINT_TIER;
import static com.propdesk.complaint.ComplaintProcess.MAJOR;
import static com.propdesk.complaint.ComplaintProcess.RESPONSIBLE_DEPARTMENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.notify.Notifications;
import com.propdesk.notify.OwnerEvents;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Refusal;

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
			ComplaintProcess.REPEAT.set(execution, repeat);
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
			ComplaintProcess.Tier tier = ComplaintProcess.TIER_RESULT.get(execution);
			String level = tier.tier();
			String reason = tier.reason();
			COMPLAINT_TIER.set(execution, level);
			ComplaintProcess.TIER_REASON.set(execution, reason);
			ComplaintProcess.REOPEN_COUNT.set(execution, 0);
			if (!RESPONSIBLE_DEPARTMENT.isSet(execution)) {
				RESPONSIBLE_DEPARTMENT.set(execution, Groups.SERVICE_DESK);
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
			String reason = ComplaintProcess.RETIER_REASON.text(execution);
			if (reason.isEmpty()) {
				throw new Refusal("改级理由：改为重大投诉时必须填写理由");
			}
			String caseNo = caseNo(execution);
			COMPLAINT_TIER.set(execution, MAJOR);
			ComplaintProcess.TIER_REASON.set(execution, "客服改级：" + reason);
			// a major complaint is resolved per management's plan, not within the ordinary 72 hours
			slas.stopAll(caseNo, "改为重大投诉，按管理层方案处理");
			tierCase(cases, notifications, caseNo, MAJOR, "客服改级：" + reason);
		}

	}

	/** {@code ${startPlanClockDelegate}}: a major complaint's resolution is timed against its plan's due time. */
	@Component("startPlanClockDelegate")
	static class StartPlanClock implements JavaDelegate {

		private final SlaService slas;

		StartPlanClock(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			OffsetDateTime due;
			try {
				due = ComplaintRules.planDue(ComplaintProcess.PLAN_DUE.get(execution), Clock.now());
			}
			catch (DateTimeParseException e) {
				throw new Refusal(ComplaintRules.PLAN_DUE_FORMAT, e);
			}
			catch (IllegalArgumentException e) {
				throw new Refusal(e.getMessage(), e);
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
			String category = ComplaintProcess.REPAIR_CATEGORY.text(execution);
			String description = ComplaintProcess.REPAIR_DESCRIPTION.text(execution);
			String repairNo = cases.openLinked(caseNo(execution), "repair", category.isEmpty() ? "other" : category,
					description.isEmpty() ? ComplaintProcess.PLAN.text(execution) : description);
			CaseVariables.AWAITED_CASE_NO.set(execution, repairNo);
			// a repair may end within its own report (a life-safety one is promoted at once): then nothing is awaited
			CaseStatus status = cases.find(repairNo).orElseThrow().status();
			CaseVariables.AWAITED_CASE_OUTCOME.set(execution,
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
			String reply = ComplaintProcess.REPLY_TEXT.text(execution);
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
			ComplaintProcess.REOPEN_COUNT.set(execution, ComplaintProcess.REOPEN_COUNT.get(execution) + 1);
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			cases.record(caseNo, ComplaintCaseType.Timeline.REOPENED, "业主不满意，重新处理：" + ComplaintProcess.OWNER_COMMENT.text(execution));
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
				due = ComplaintProcess.IMPROVEMENT_DUE.get(execution);
				ComplaintProcess.IMPROVEMENT_DUE_AT.set(execution, ComplaintRules.improvementDueAt(due, Clock.now()));
			}
			catch (DateTimeParseException e) {
				throw new Refusal(ComplaintRules.IMPROVEMENT_DUE_FORMAT, e);
			}
			catch (IllegalArgumentException e) {
				throw new Refusal(e.getMessage(), e);
			}
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.ROOT_CAUSE, "根因：" + ComplaintProcess.CAUSE_CATEGORY.text(execution) + "；整改："
					+ ComplaintProcess.IMPROVEMENT_ACTION.text(execution) + "（" + ComplaintProcess.IMPROVEMENT_OWNER.text(execution)
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
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.IMPROVED, "整改完成：" + ComplaintProcess.IMPROVEMENT_RESULT.text(execution));
		}

	}

}
