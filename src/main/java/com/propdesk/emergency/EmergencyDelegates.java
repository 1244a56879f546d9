package com.propdesk.emergency;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.system.StaffInput.checked;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseClocks;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.notify.Notifications;
import com.propdesk.registry.Estate.Resident;
import com.propdesk.registry.RegistryRepository;
import com.propdesk.security.Groups;
import com.propdesk.system.Actor;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Step;

/**
 * The steps of {@code processes/emergency.bpmn}: each reads the process's typed variables, asks
 * {@link EmergencyRules} or {@link EmergencyReview} what follows, calls the shared services and writes the results.
 */
final class EmergencyDelegates {

	private EmergencyDelegates() {
	}

	static boolean drill(DelegateExecution execution) {
		return EmergencyProcess.DRILL.isTrue(execution);
	}

	/**
	 * {@code ${loadEmergencyPlanDelegate}}: the current plan of the incident type, whose version the case
	 * records; what the procedure needs from it (life safety, the department and skill for a failure);
	 * the duty officer paged.
	 */
	@Step(label = "启用应急预案")
	@Component("loadEmergencyPlanDelegate")
	static class LoadPlan implements JavaDelegate {

		private final EmergencyPlans plans;

		private final CaseService cases;

		private final Notifications notifications;

		LoadPlan(EmergencyPlans plans, CaseService cases, Notifications notifications) {
			this.plans = plans;
			this.cases = cases;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String type = CaseVariables.CATEGORY.get(execution);
			EmergencyPlan plan = plans.current(type)
					.orElseThrow(() -> new ProcessEngineException("应急预案库中没有 " + type + " 的预案"));
			boolean drill = drill(execution);
			EmergencyProcess.DRILL.set(execution, drill);
			EmergencyProcess.LIFE_SAFETY.set(execution, plan.lifeSafety());
			EmergencyProcess.PLAN_VERSION.set(execution, plan.version());
			EmergencyProcess.PLAN_TITLE.set(execution, plan.title());
			EmergencyProcess.PLAN_STEPS.set(execution, plan.steps());
			EmergencyProcess.PLAN_CONTACTS.set(execution, plan.contacts());
			CaseVariables.PRIORITY.set(execution, EmergencyRules.PRIORITY);
			DispatchTechnicianDelegate.DEPARTMENT.set(execution, Groups.ENGINEERING);
			DispatchTechnicianDelegate.REQUIRED_SKILL.set(execution, EmergencyRules.requiredSkill(type));
			cases.classify(caseNo, type, EmergencyRules.PRIORITY, EmergencyRules.ownerGroup(plan));
			if (drill) {
				cases.markDrill(caseNo);
			}
			cases.record(caseNo, EmergencyCaseType.Timeline.PLAN, EmergencyRules.planNote(plan));
			notifications.page("emergency:" + caseNo, Groups.DUTY_OFFICER, caseNo, EmergencyRules.dutyPage(drill, caseNo, type,
					CaseVariables.BUILDING.get(execution), CaseVariables.DESCRIPTION.get(execution)));
		}

	}

	/** {@code ${recordEmergencyStepDelegate}} with input {@code step}: what was done goes into the timeline. */
	@Step(label = "记录处置步骤", inputs = @Step.Input(name = "step", label = "步骤", options = EmergencyRules.StepOptions.class))
	@Component("recordEmergencyStepDelegate")
	static class RecordStep implements JavaDelegate {

		private final CaseService cases;

		private final ActorNames actorNames;

		RecordStep(CaseService cases, ActorNames actorNames) {
			this.cases = cases;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			// the technician by name (王师傅), as the desk knows them; every other value as the form gave it
			EmergencyRules.StepRecord step = EmergencyRules.step(EmergencyProcess.STEP.getLocal(execution),
					v -> v == DispatchTechnicianDelegate.TECHNICIAN ? actorNames.reader().nameOf(v.text(execution)) : v.text(execution));
			if (step.inProgress()) {
				cases.changeStatus(caseNo, CaseStatus.IN_PROGRESS);
			}
			cases.record(caseNo, step.kind(), step.note());
		}

	}

	/** {@code ${broadcastToResidentsDelegate}}: one SMS to every resident of the building, once each. */
	@Step(label = "通知本楼住户")
	@Component("broadcastToResidentsDelegate")
	static class Broadcast implements JavaDelegate {

		private final RegistryRepository registry;

		private final Notifications notifications;

		Broadcast(RegistryRepository registry, Notifications notifications) {
			this.registry = registry;
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			if (drill(execution)) {
				// the diagram routes drills around this step; this guard keeps residents safe from a changed diagram
				return;
			}
			String building = CaseVariables.BUILDING.get(execution);
			List<String> phones = registry.residentsOfBuilding(building).stream().map(Resident::phone).distinct().toList();
			String type = CaseVariables.CATEGORY.get(execution);
			notifications.broadcast("broadcast:" + caseNo(execution), phones, caseNo(execution),
					EmergencyRules.residentsNotice(building, type));
		}

	}

	/** {@code ${markEmergencyResolvedDelegate}}: the danger is over. */
	@Step(label = "记录处置结果")
	@Component("markEmergencyResolvedDelegate")
	static class MarkResolved implements JavaDelegate {

		private final CaseService cases;

		MarkResolved(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			// the review reads this: the task's end is not in the history tables until this transaction commits
			EmergencyProcess.RESOLVED_AT.set(execution, Clock.now());
			cases.record(caseNo(execution), CaseTimeline.RESOLVED, EmergencyRules.resolvedNote(EmergencyProcess.RESOLUTION.text(execution)));
		}

	}

	/**
	 * {@code ${prepareEmergencyReviewDelegate}}: the review's figures, from the engine's history: how long
	 * until acknowledged, dispatched, on site and resolved, which clocks were breached, who took part.
	 */
	@Step(label = "汇总复盘数据")
	@Component("prepareEmergencyReviewDelegate")
	static class PrepareReview implements JavaDelegate {

		private final HistoryService history;

		private final CaseService cases;

		private final CaseClocks clocks;

		PrepareReview(HistoryService history, CaseService cases, CaseClocks clocks) {
			this.history = history;
			this.cases = cases;
			this.clocks = clocks;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			CaseRecord record = cases.find(caseNo).orElseThrow();
			Map<String, OffsetDateTime> ended = history.createHistoricActivityInstanceQuery()
					.processInstanceId(execution.getProcessInstanceId()).finished().list().stream()
					.collect(Collectors.toMap(HistoricActivityInstance::getActivityId,
							a -> OffsetDateTime.ofInstant(a.getEndTime().toInstant(), ZoneId.systemDefault()),
							(first, later) -> first));
			List<String> completers = history.createUserOperationLogQuery().processInstanceId(execution.getProcessInstanceId())
					.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
					.sorted(Comparator.comparing(UserOperationLogEntry::getTimestamp)).map(UserOperationLogEntry::getUserId).toList();
			EmergencyReview review = EmergencyReview.of(record.createdAt(), ended, EmergencyProcess.RESOLVED_AT.get(execution),
					clocks.clocks(caseNo), completers);
			EmergencyProcess.REVIEW_ACKNOWLEDGE.set(execution, review.acknowledge());
			EmergencyProcess.REVIEW_DISPATCH.set(execution, review.dispatch());
			EmergencyProcess.REVIEW_ON_SITE.set(execution, review.onSite());
			EmergencyProcess.REVIEW_RESOLUTION.set(execution, review.resolution());
			EmergencyProcess.REVIEW_BREACHES.set(execution, review.breaches());
			EmergencyProcess.REVIEW_PARTICIPANTS.set(execution, review.participants());
		}

	}

	/** {@code ${publishPlanVersionDelegate}}: an approved plan change becomes the plan's next version. */
	@Step(label = "发布新版预案")
	@Component("publishPlanVersionDelegate")
	static class PublishPlanVersion implements JavaDelegate {

		private final EmergencyPlans plans;

		private final CaseService cases;

		PublishPlanVersion(EmergencyPlans plans, CaseService cases) {
			this.plans = plans;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String type = CaseVariables.CATEGORY.get(execution);
			EmergencyPlan current = plans.current(type).orElseThrow();
			String steps = checked(() -> EmergencyRules.revisedSteps(EmergencyProcess.NEW_STEPS.text(execution)));
			EmergencyPlan next = plans.publish(type, current.title(), current.lifeSafety(), steps,
					EmergencyRules.revisedContacts(EmergencyProcess.NEW_CONTACTS.text(execution), current), Actor.current(execution),
					EmergencyRules.revisionNote(caseNo(execution), EmergencyProcess.FINDINGS.text(execution)));
			cases.record(caseNo(execution), EmergencyCaseType.Timeline.PLAN_CHANGED, EmergencyRules.planChangedNote(next));
		}

	}

	/** {@code ${closeEmergencyDelegate}}: reviewed: 已办结. */
	@Step(label = "紧急事件办结")
	@Component("closeEmergencyDelegate")
	static class Close implements JavaDelegate {

		private final CaseService cases;

		Close(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.close(caseNo, EmergencyRules.closedNote(EmergencyProcess.FINDINGS.text(execution)));
		}

	}

}
