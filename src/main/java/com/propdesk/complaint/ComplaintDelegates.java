package com.propdesk.complaint;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.complaint.ComplaintProcess.COMPLAINT_TIER;
import static com.propdesk.complaint.ComplaintProcess.MAJOR;
import static com.propdesk.complaint.ComplaintProcess.RESPONSIBLE_DEPARTMENT;
import static com.propdesk.system.StaffInput.checked;
import static com.propdesk.system.StaffInput.typed;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseRequestValidator;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.notify.Notifications;
import com.propdesk.notify.OwnerEvents;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;

/**
 * The steps of {@code processes/complaint.bpmn}: each reads the process's typed variables, asks {@link ComplaintRules}
 * what follows, calls the shared services and writes the results.
 */
final class ComplaintDelegates {

	private ComplaintDelegates() {
	}

	/** {@code ${checkRepeatComplaintDelegate}}: another complaint about the same unit within 90 days. */
	@Step(label = "查重复投诉")
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
				cases.record(caseNo, ComplaintCaseType.Timeline.REPEAT, ComplaintRules.repeatNote(record.unit()));
			}
		}

	}

	/** {@code ${recordComplaintTierDelegate}}: the table's tier on the case; a major complaint pages management. */
	@Step(label = "记录等级")
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
			ComplaintProcess.TO_MEDIATION.set(execution, false);
			if (!RESPONSIBLE_DEPARTMENT.isSet(execution)) {
				RESPONSIBLE_DEPARTMENT.set(execution, ComplaintRules.DEFAULT_RESPONSIBLE);
			}
			String caseNo = caseNo(execution);
			tierCase(cases, notifications, caseNo, level, reason);
		}

	}

	/** Classifies the case as its tier says, records the tier and pages the group that owns a major complaint. */
	static void tierCase(CaseService cases, Notifications notifications, String caseNo, String level, String reason) {
		CaseRecord record = cases.find(caseNo).orElseThrow();
		ComplaintRules.Tiering tiering = ComplaintRules.tiering(level, reason, caseNo, record.description());
		cases.classify(caseNo, record.category(), tiering.priority(), tiering.group());
		cases.record(caseNo, ComplaintCaseType.Timeline.TIERED, tiering.note());
		if (tiering.major()) {
			notifications.page("major-complaint:" + caseNo, tiering.group(), caseNo, tiering.page());
		}
	}

	/**
	 * {@code ${recordFirstContactDelegate}}: what the desk heard when it first called the owner goes on the timeline;
	 * the complaint is 处理中 and, handled as an ordinary one, the responsible department's — the department's staff
	 * open the case, the owner reads that it is being handled. One re-tiered as major is management's from the next
	 * step; one turned into a mediation closes next, and keeps both.
	 */
	@Step(label = "记录首次联系")
	@Component("recordFirstContactDelegate")
	static class RecordFirstContact implements JavaDelegate {

		private final CaseService cases;

		RecordFirstContact(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			boolean mediated = ComplaintProcess.TO_MEDIATION.isTrue(execution);
			String department = mediated || ComplaintProcess.RETIER.isTrue(execution) ? null : RESPONSIBLE_DEPARTMENT.get(execution);
			cases.record(caseNo, ComplaintCaseType.Timeline.FIRST_CONTACT,
					ComplaintRules.firstContactNote(ComplaintProcess.FIRST_CONTACT_NOTE.text(execution), department));
			CaseRecord record = department == null ? null : cases.find(caseNo).orElseThrow();
			if (record != null && !department.equals(record.department())) {
				cases.classify(caseNo, record.category(), record.priority(), department);
			}
			if (!mediated) {
				cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			}
		}

	}

	/**
	 * {@code ${recordComplaintResolutionDelegate}}: what the department did (处理投诉's 处理结果) or how management's plan
	 * was carried out (落实方案's 落实情况) goes on the timeline before the desk writes the reply, so the desk and the owner's
	 * next call find it there.
	 */
	@Step(label = "记录处理结果")
	@Component("recordComplaintResolutionDelegate")
	static class RecordResolution implements JavaDelegate {

		private final CaseService cases;

		RecordResolution(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			boolean major = MAJOR.equals(COMPLAINT_TIER.get(execution));
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.HANDLED, ComplaintRules.resolutionNote(major,
					(major ? ComplaintProcess.EXECUTION_NOTE : ComplaintProcess.RESOLUTION).text(execution)));
		}

	}

	/**
	 * {@code ${openComplaintMediationDelegate}}: the complaint is a dispute between neighbours; a linked mediation opens
	 * between the owner's unit and the other party's, and the complaint closes telling the owner its number.
	 */
	@Step(label = "转邻里纠纷调解")
	@Component("openComplaintMediationDelegate")
	static class OpenMediation implements JavaDelegate {

		private final CaseService cases;

		private final SlaService slas;

		private final OwnerEvents events;

		OpenMediation(CaseService cases, SlaService slas, OwnerEvents events) {
			this.cases = cases;
			this.slas = slas;
			this.events = events;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			String mediation;
			try {
				mediation = cases.openLinked(caseNo, "mediation", ComplaintRules.mediationCategory(record.category()),
						record.description(), CaseRequest.splitUnits(CaseVariables.OTHER_UNITS.text(execution)));
			}
			catch (InvalidRequestException e) {
				throw new Refusal("无法转邻里纠纷调解：" + CaseRequestValidator.describe(e.problems()), e);
			}
			CaseVariables.LINKED_CASE_NO.set(execution, mediation);
			slas.stopAll(caseNo, "已转邻里纠纷调解 " + mediation);
			cases.close(caseNo, "已转邻里纠纷调解 " + mediation);
			events.publish(caseNo, "closed", ComplaintRules.mediationMessage(mediation), null);
		}

	}

	/** {@code ${recordRetierDelegate}}: the desk found an ordinary complaint to be major; management takes it over. */
	@Step(label = "记录改级")
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
			String reason = checked(() -> ComplaintRules.retierReason(ComplaintProcess.RETIER_REASON.text(execution)));
			String caseNo = caseNo(execution);
			COMPLAINT_TIER.set(execution, MAJOR);
			ComplaintProcess.TIER_REASON.set(execution, reason);
			// a major complaint is resolved per management's plan, not within the ordinary 72 hours
			slas.stopAll(caseNo, ComplaintRules.RETIER_STOPS_CLOCKS);
			tierCase(cases, notifications, caseNo, MAJOR, reason);
		}

	}

	/** {@code ${startPlanClockDelegate}}: a major complaint's resolution is timed against its plan's due time. */
	@Step(label = "开始计时：按方案解决")
	@Component("startPlanClockDelegate")
	static class StartPlanClock implements JavaDelegate {

		private final SlaService slas;

		private final CaseService cases;

		StartPlanClock(SlaService slas, CaseService cases) {
			this.slas = slas;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			OffsetDateTime typed = typed(() -> ComplaintProcess.PLAN_DUE.get(execution), ComplaintRules.PLAN_DUE_FORMAT);
			OffsetDateTime due = checked(() -> ComplaintRules.planDue(typed, Clock.now()));
			String caseNo = caseNo(execution);
			slas.startUntil(caseNo, SlaNames.COMPLAINT_RESOLUTION, due, ComplaintRules.PER_PLAN);
			// the plan on the timeline, where the desk and the department look for it; the complaint is in hand
			cases.record(caseNo, ComplaintCaseType.Timeline.PLANNED, ComplaintRules.planNote(ComplaintProcess.PLAN.text(execution),
					RESPONSIBLE_DEPARTMENT.get(execution), due));
			cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
		}

	}

	/** {@code ${openComplaintRepairDelegate}}: the plan needs a repair; it is opened as a linked case and awaited. */
	@Step(label = "转报修")
	@Component("openComplaintRepairDelegate")
	static class OpenRepair implements JavaDelegate {

		private final CaseService cases;

		OpenRepair(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			ComplaintRules.LinkedRepair repair = ComplaintRules.linkedRepair(ComplaintProcess.REPAIR_CATEGORY.text(execution),
					ComplaintProcess.REPAIR_DESCRIPTION.text(execution), ComplaintProcess.PLAN.text(execution));
			String repairNo = cases.openLinked(caseNo(execution), "repair", repair.category(), repair.description());
			CaseVariables.AWAITED_CASE_NO.set(execution, repairNo);
			CaseVariables.AWAITED_CASE_OUTCOME.set(execution,
					ComplaintRules.awaitedOutcome(cases.find(repairNo).orElseThrow().status()));
		}

	}

	/** {@code ${sendComplaintReplyDelegate}}: the written reply reaches the owner (event, SMS, callback). */
	@Step(label = "发送答复")
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
			cases.record(caseNo, ComplaintCaseType.Timeline.REPLIED, ComplaintRules.replyNote(reply));
			events.publish(caseNo, "resolved", ComplaintRules.replyMessage(reply), null);
		}

	}

	/** {@code ${reopenComplaintDelegate}}: the owner is not satisfied the first time; the complaint is handled again. */
	@Step(label = "重新处理")
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
			cases.record(caseNo, ComplaintCaseType.Timeline.REOPENED, ComplaintRules.reopenNote(ComplaintProcess.OWNER_COMMENT.text(execution)));
			events.publish(caseNo, "reopened");
		}

	}

	/** {@code ${recordRootCauseDelegate}}: cause and improvement plan on the case; the plan's due date becomes a timer. */
	@Step(label = "记录根因")
	@Component("recordRootCauseDelegate")
	static class RecordRootCause implements JavaDelegate {

		private final CaseService cases;

		RecordRootCause(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			LocalDate due = typed(() -> ComplaintProcess.IMPROVEMENT_DUE.get(execution), ComplaintRules.IMPROVEMENT_DUE_FORMAT);
			ComplaintProcess.IMPROVEMENT_DUE_AT.set(execution, checked(() -> ComplaintRules.improvementDueAt(due, Clock.now())));
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.ROOT_CAUSE, ComplaintRules.rootCauseNote(
					ComplaintProcess.CAUSE_CATEGORY.text(execution), ComplaintProcess.IMPROVEMENT_ACTION.text(execution),
					ComplaintProcess.IMPROVEMENT_OWNER.text(execution), due));
		}

	}

	/** {@code ${closeComplaintDelegate}}: answered, reviewed and analysed: 已办结. */
	@Step(label = "投诉办结")
	@Component("closeComplaintDelegate")
	static class Close implements JavaDelegate {

		private final CaseService cases;

		Close(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.close(caseNo, ComplaintRules.CLOSED_NOTE);
		}

	}

	/** {@code ${recordImprovementDelegate}}: the improvement is done. */
	@Step(label = "记录整改结果")
	@Component("recordImprovementDelegate")
	static class RecordImprovement implements JavaDelegate {

		private final CaseService cases;

		RecordImprovement(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.record(caseNo(execution), ComplaintCaseType.Timeline.IMPROVED,
					ComplaintRules.improvementNote(ComplaintProcess.IMPROVEMENT_RESULT.text(execution)));
		}

	}

}
