package com.propdesk.repair;

import static com.propdesk.intake.CaseService.caseNo;
import static com.propdesk.system.StaffInput.checked;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.dispatch.DispatchTechnicianDelegate;
import com.propdesk.intake.ActorNames;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTimeline;
import com.propdesk.sla.SlaService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Step;
import com.propdesk.system.Var;

/**
 * The steps of {@code processes/repair.bpmn}: each reads the process's typed variables, asks {@link RepairRules}
 * what follows, calls the shared services and writes the results. Bean names are the diagram's
 * {@code delegateExpression}s and stay as they are: running instances of older versions call them by name.
 */
final class RepairDelegates {

	private RepairDelegates() {
	}

	/**
	 * {@code ${recordClassificationDelegate}}: settles a repair's classification — from the triage table when it
	 * decided, else from the service desk's classification form — onto the process and the case, with a timeline
	 * line; flags an equipment failure, whose initial-investigation clock the diagram then starts.
	 */
	@Step(label = "记录分类")
	@Component("recordClassificationDelegate")
	static class RecordClassification implements JavaDelegate {

		private final CaseService cases;

		RecordClassification(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String category = CaseVariables.CATEGORY.get(execution);
			RepairRules.Classification c = checked(() -> RepairRules.classification(RepairProcess.TRIAGE_RESULT.get(execution),
					CaseVariables.PRIORITY.get(execution), DispatchTechnicianDelegate.DEPARTMENT.get(execution),
					RepairProcess.LIFE_SAFETY.isTrue(execution), category));
			CaseVariables.PRIORITY.set(execution, c.priority());
			DispatchTechnicianDelegate.DEPARTMENT.set(execution, c.department());
			RepairProcess.LIFE_SAFETY.set(execution, c.lifeSafety());
			RepairProcess.EQUIPMENT_FAILURE.set(execution, RepairCaseType.EQUIPMENT.contains(category));
			RepairProcess.TASK_PRIORITY.set(execution, RepairRules.TASK_PRIORITIES.get(c.priority()));
			String caseNo = caseNo(execution);
			cases.classify(caseNo, category, c.priority(), c.department());
			cases.record(caseNo, RepairCaseType.Timeline.CLASSIFIED, RepairRules.classifiedNote(c, category));
		}

	}

	/**
	 * {@code ${promoteRepairDelegate}}: a life-safety report (gas, fire, entrapment) leaves the repair procedure: the
	 * case becomes 已转紧急, its clocks stop, and an emergency case opens, linked, with the same reporter, place and
	 * callback.
	 */
	@Step(label = "转紧急")
	@Component("promoteRepairDelegate")
	static class Promote implements JavaDelegate {

		private final CaseService cases;

		private final SlaService slas;

		Promote(CaseService cases, SlaService slas) {
			this.cases = cases;
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.changeStatus(caseNo, CaseStatus.PROMOTED);
			slas.stopAll(caseNo, RepairRules.PROMOTED);
			String description = CaseVariables.DESCRIPTION.get(execution);
			String emergencyNo = cases.openLinked(caseNo, "emergency",
					RepairRules.incidentType(CaseVariables.CATEGORY.get(execution), description), description);
			cases.record(caseNo, RepairCaseType.Timeline.PROMOTED, RepairRules.promotedNote(emergencyNo));
		}

	}

	/**
	 * {@code ${recordRepairWorkDelegate}}: what the technician recorded on site goes into the timeline: the diagnosis
	 * always (it meets the initial investigation), and the work done, or why the repair waits.
	 */
	@Step(label = "记录维修情况")
	@Component("recordRepairWorkDelegate")
	static class RecordWork implements JavaDelegate {

		private final CaseService cases;

		private final ActorNames actorNames;

		RecordWork(CaseService cases, ActorNames actorNames) {
			this.cases = cases;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String technician = actorNames.reader().nameOf(DispatchTechnicianDelegate.TECHNICIAN.get(execution));
			String outcome = RepairProcess.REPAIR_OUTCOME.get(execution);
			String diagnosed = checked(() -> RepairRules.diagnosedNote(technician, RepairProcess.DIAGNOSIS.text(execution)));
			// a round after a pause keeps the diagnosis the form showed again: said once
			boolean said = cases.timeline(caseNo).stream().filter(e -> CaseTimeline.DIAGNOSED.code().equals(e.kind()))
					.reduce((first, second) -> second).map(e -> e.message().equals(diagnosed)).orElse(false);
			if (!said) {
				cases.record(caseNo, CaseTimeline.DIAGNOSED, diagnosed);
			}
			if (RepairProcess.OUTCOME_DONE.equals(outcome)) {
				cases.record(caseNo, RepairCaseType.Timeline.REPAIRED, RepairRules.repairedNote(technician,
						RepairProcess.WORK_DONE.text(execution), RepairProcess.MATERIALS.text(execution), RepairProcess.COST.get(execution)));
			}
			else if (RepairProcess.OUTCOME_PAUSED.equals(outcome)) {
				RepairProcess.PAUSE_REASON_LABEL.set(execution,
						checked(() -> RepairRules.pauseReason(RepairProcess.PAUSE_REASON.text(execution))));
			}
		}

	}

	/**
	 * {@code ${recordResumeDelegate}}: the paused job goes on: what the technician said on the timeline, and the paused
	 * round's outcome and reason cleared, so that the 上门维修 form starts empty rather than on 暂停.
	 */
	@Step(label = "记录恢复维修")
	@Component("recordResumeDelegate")
	static class RecordResume implements JavaDelegate {

		private final CaseService cases;

		private final ActorNames actorNames;

		RecordResume(CaseService cases, ActorNames actorNames) {
			this.cases = cases;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String technician = actorNames.reader().nameOf(DispatchTechnicianDelegate.TECHNICIAN.get(execution));
			cases.record(caseNo(execution), RepairCaseType.Timeline.RESUMED,
					RepairRules.resumedNote(technician, RepairProcess.RESUME_NOTE.text(execution)));
			clearRound(execution, RepairProcess.REPAIR_OUTCOME, RepairProcess.PAUSE_REASON, RepairProcess.RESUME_NOTE);
		}

	}

	/**
	 * {@code ${recordHandBackDelegate}}: a technician handed the job back: to another department, or because they
	 * cannot fix it. What they found is kept in the notes the next technician reads (and in history); the job is
	 * dispatched again, to the other department or to anyone but them.
	 */
	@Step(label = "记录退回")
	@Component("recordHandBackDelegate")
	static class RecordHandBack implements JavaDelegate {

		private final CaseService cases;

		private final ActorNames actorNames;

		RecordHandBack(CaseService cases, ActorNames actorNames) {
			this.cases = cases;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			String technician = DispatchTechnicianDelegate.TECHNICIAN.get(execution);
			RepairRules.HandBack handBack = checked(() -> RepairRules.handBack(actorNames.reader().nameOf(technician),
					DispatchTechnicianDelegate.DEPARTMENT.get(execution), RepairProcess.HAND_BACK_REASON.text(execution),
					RepairProcess.HAND_BACK_DEPARTMENT.text(execution), RepairProcess.DIAGNOSIS.text(execution)));
			if (handBack.toDepartment() != null) {
				DispatchTechnicianDelegate.DEPARTMENT.set(execution, handBack.toDepartment());
				DispatchTechnicianDelegate.REQUIRED_SKILL.set(execution, null);
				cases.classify(caseNo, CaseVariables.CATEGORY.get(execution), CaseVariables.PRIORITY.get(execution),
						handBack.toDepartment());
			}
			else {
				Set<String> excluded = new LinkedHashSet<>(DispatchTechnicianDelegate.excluded(execution));
				excluded.add(technician);
				DispatchTechnicianDelegate.EXCLUDED.set(execution, String.join(",", excluded));
			}
			appendNote(execution, handBack.message());
			cases.record(caseNo, RepairCaseType.Timeline.HANDED_BACK, handBack.message());
			clearRound(execution, RepairProcess.REPAIR_OUTCOME, RepairProcess.HAND_BACK_REASON,
					RepairProcess.HAND_BACK_DEPARTMENT, RepairProcess.DIAGNOSIS, RepairProcess.WORK_DONE, RepairProcess.MATERIALS,
					RepairProcess.COST, RepairProcess.ETA);
		}

	}

	/** {@code ${recordRejectionDelegate}}: the owner did not accept the work: back to the same technician, with the reason in their notes. */
	@Step(label = "记录验收不通过")
	@Component("recordRejectionDelegate")
	static class RecordRejection implements JavaDelegate {

		private final CaseService cases;

		private final ActorNames actorNames;

		RecordRejection(CaseService cases, ActorNames actorNames) {
			this.cases = cases;
			this.actorNames = actorNames;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String technician = actorNames.reader().nameOf(DispatchTechnicianDelegate.TECHNICIAN.get(execution));
			String message = checked(() -> RepairRules.rejectionNote(technician, RepairProcess.REJECTION_REASON.text(execution)));
			appendNote(execution, message);
			cases.record(caseNo(execution), RepairCaseType.Timeline.REJECTED, message);
			// the next round's work, materials and cost are its own: the form starts empty, the timeline says each once
			clearRound(execution, RepairProcess.REPAIR_OUTCOME, RepairProcess.WORK_DONE, RepairProcess.MATERIALS,
					RepairProcess.COST, RepairProcess.ACCEPTED, RepairProcess.REJECTION_REASON);
		}

	}

	/** {@code ${markResolvedDelegate}}: the owner accepted the work: the case waits for their feedback (待评价). */
	@Step(label = "待评价")
	@Component("markResolvedDelegate")
	static class MarkResolved implements JavaDelegate {

		private final CaseService cases;

		MarkResolved(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.changeStatus(caseNo, CaseStatus.AWAITING_FEEDBACK);
			cases.record(caseNo, CaseTimeline.RESOLVED, RepairRules.resolvedNote(RepairProcess.OWNER_CONFIRMATION.text(execution)));
		}

	}

	/** {@code ${closeRepairDelegate}}: feedback received or 72 hours passed: the case is closed (已办结). */
	@Step(label = "报修办结")
	@Component("closeRepairDelegate")
	static class Close implements JavaDelegate {

		private final CaseService cases;

		Close(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			cases.close(caseNo, RepairRules.closedNote(CaseVariables.FEEDBACK_SCORE.get(execution) != null));
		}

	}

	/**
	 * {@code ${decideReturnVisitDelegate}}: a score of 2 or less opens a linked complaint; otherwise the case may be
	 * sampled for a return visit (回访). Sets {@code returnVisit}, with the reason in the timeline.
	 */
	@Step(label = "抽样回访")
	@Component("decideReturnVisitDelegate")
	static class DecideReturnVisit implements JavaDelegate {

		private final ReturnVisitProperties properties;

		private final CaseService cases;

		DecideReturnVisit(ReturnVisitProperties properties, CaseService cases) {
			this.properties = properties;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			Integer score = CaseVariables.FEEDBACK_SCORE.get(execution);
			boolean lowScore = RepairRules.lowScore(score);
			boolean sampled = properties.sampled(caseNo);
			RepairProcess.RETURN_VISIT.set(execution, !lowScore && sampled);
			if (lowScore) {
				cases.openLinked(caseNo, "complaint", RepairRules.LOW_SCORE_COMPLAINT_CATEGORY,
						RepairRules.lowScoreComplaint(score, CaseVariables.FEEDBACK_COMMENT.text(execution)));
			}
			else if (sampled) {
				cases.record(caseNo, RepairCaseType.Timeline.RETURN_VISIT_PLANNED, RepairRules.sampleReason(caseNo, properties));
			}
		}

	}

	/** {@code ${recordReturnVisitDelegate}}: the visit's outcome goes into the timeline. */
	@Step(label = "记录回访")
	@Component("recordReturnVisitDelegate")
	static class RecordReturnVisit implements JavaDelegate {

		private final CaseService cases;

		RecordReturnVisit(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.record(caseNo(execution), RepairCaseType.Timeline.RETURN_VISIT,
					checked(() -> RepairRules.visitNote(RepairProcess.VISIT_REACHED.isTrue(execution),
							RepairProcess.VISIT_SATISFACTION.text(execution), RepairProcess.VISIT_OUTCOME.text(execution))));
		}

	}

	/**
	 * Adds to the notes the next technician reads on the job: what earlier rounds found and why the job came back.
	 */
	static void appendNote(DelegateExecution execution, String message) {
		RepairProcess.REPAIR_NOTES.set(execution,
				RepairRules.withNote(RepairProcess.REPAIR_NOTES.text(execution), Clock.now().toLocalDateTime(), message));
	}

	/** Removes the values of the finished round so the next form starts clean; history keeps them. */
	static void clearRound(DelegateExecution execution, Var<?>... variables) {
		for (Var<?> variable : variables) {
			execution.removeVariable(variable.name());
		}
	}

}
