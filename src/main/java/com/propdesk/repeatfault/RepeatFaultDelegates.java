package com.propdesk.repeatfault;

import static com.propdesk.system.StaffInput.checked;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.notify.Notifications;
import com.propdesk.repeatfault.RepeatFaultRules.CauseRepair;
import com.propdesk.repeatfault.RepeatFaultRules.DutyMeasure;
import com.propdesk.security.Groups;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Step;
import com.propdesk.worklog.DutyPlans;
import com.propdesk.worklog.RoundPlanner;

/** The steps of {@code repeat-fault}: thin, each reads its variables and calls {@link RepeatFaults}. */
final class RepeatFaultDelegates {

	private RepeatFaultDelegates() {
	}

	static long id(DelegateExecution execution) {
		return RepeatFaultProcess.REPEAT_FAULT_ID.get(execution);
	}

	/** {@code ${pageManagementOfRepeatFault}}: management is paged once per flag. */
	@Step(label = "通知管理层：重复报修", offered = false)
	@Component("pageManagementOfRepeatFault")
	static class PageManagement implements JavaDelegate {

		private final RepeatFaults repeatFaults;

		private final Notifications notifications;

		PageManagement(RepeatFaults repeatFaults, Notifications notifications) {
			this.repeatFaults = repeatFaults;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = id(execution);
			int repairs = repeatFaults.cases(id).size();
			notifications.page("repeat-fault:" + id, Groups.MANAGEMENT, null,
					RepeatFaultRules.page(repeatFaults.subject(id), repairs, CaseService.caseNo(execution)));
		}

	}

	/**
	 * {@code ${planPreventiveDuty}}: the preventive duty becomes an active duty plan (the work-log planner plans its
	 * rounds); the flag records it and closes now, the plan being the measure.
	 */
	@Step(label = "安排预防性定期工作", offered = false)
	@Component("planPreventiveDuty")
	static class PlanDuty implements JavaDelegate {

		private final RepeatFaults repeatFaults;

		private final DutyPlans plans;

		private final RoundPlanner planner;

		PlanDuty(RepeatFaults repeatFaults, DutyPlans plans, RoundPlanner planner) {
			this.repeatFaults = repeatFaults;
			this.plans = plans;
			this.planner = planner;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = id(execution);
			DutyMeasure duty = checked(() -> RepeatFaultRules.dutyMeasure(RepeatFaultProcess.DUTY.get(execution),
					RepeatFaultProcess.DUTY_BUILDING.get(execution), RepeatFaultProcess.DUTY_LOCATION.get(execution),
					RepeatFaultProcess.DUTY_FREQUENCY.get(execution), RepeatFaultProcess.DUTY_FIRST_START.get(execution),
					RepeatFaultProcess.DUTY_CONTRACTOR.get(execution), RepeatFaultProcess.MEASURE_NOTE.get(execution)));
			String decidedBy = Actor.current(execution);
			long plan = plans.createFor(id, new DutyPlans.Settings(duty.duty(), duty.building(), duty.location(), duty.every(),
					duty.window(), duty.firstStart(), duty.contractor(), duty.note()), decidedBy).id();
			repeatFaults.decided(id, RepeatFaultProcess.MEASURE_DUTY, String.valueOf(plan), duty.summary(), decidedBy);
			// its first rounds show on the department's list at once, as a manager's new plan's do
			planner.planOnceCommitted(plan);
		}

	}

	/** {@code ${openCauseRepair}}: the repair of the cause opens as a repair linked to the flag's latest case, and is awaited. */
	@Step(label = "报修根源问题", offered = false)
	@Component("openCauseRepair")
	static class OpenCauseRepair implements JavaDelegate {

		private final RepeatFaults repeatFaults;

		private final CaseService cases;

		OpenCauseRepair(RepeatFaults repeatFaults, CaseService cases) {
			this.repeatFaults = repeatFaults;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = id(execution);
			CauseRepair repair = checked(() -> RepeatFaultRules.causeRepair(RepeatFaultProcess.REPAIR_CATEGORY.get(execution),
					RepeatFaultProcess.CAUSE_DESCRIPTION.get(execution), RepeatFaultProcess.MEASURE_NOTE.get(execution)));
			String repairNo = cases.openLinked(CaseService.caseNo(execution), "repair", repair.category(),
					"重复报修的根源维修：" + repair.description());
			repeatFaults.decided(id, RepeatFaultProcess.MEASURE_REPAIR, repairNo, repair.summary(), Actor.current(execution));
			CaseVariables.AWAITED_CASE_NO.set(execution, repairNo);
			CaseStatus status = cases.find(repairNo).orElseThrow().status();
			// a repair of the cause that is already over (a life-safety one became an emergency) is not waited for
			CaseVariables.AWAITED_CASE_OUTCOME.set(execution,
					status == CaseStatus.CLOSED || status == CaseStatus.PROMOTED ? status.code() : null);
		}

	}

	/** {@code ${closeRepeatFault}}: the measure is done; the flag closes. */
	@Step(label = "关闭重复报修", offered = false)
	@Component("closeRepeatFault")
	static class Close implements JavaDelegate {

		private final RepeatFaults repeatFaults;

		Close(RepeatFaults repeatFaults) {
			this.repeatFaults = repeatFaults;
		}

		@Override
		public void execute(DelegateExecution execution) {
			repeatFaults.close(id(execution));
		}

	}

}
