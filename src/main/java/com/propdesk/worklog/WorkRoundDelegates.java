package com.propdesk.worklog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.propdesk.system.Actor;
import com.propdesk.system.Clock;
import com.propdesk.system.Refusal;
import com.propdesk.system.Step;

/** The steps of {@code work-round} and its planner: thin, the logic is in {@link RoundPlanner} and {@link WorkLogs}. */
final class WorkRoundDelegates {

	private WorkRoundDelegates() {
	}

	/** {@code ${planDutyRounds}} in {@code work-round-planner}: plans the next day's rounds of every active plan. */
	@Step(label = "排定工作轮次", offered = false)
	@Component("planDutyRounds")
	static class PlanRounds implements JavaDelegate {

		private final RoundPlanner planner;

		PlanRounds(RoundPlanner planner) {
			this.planner = planner;
		}

		@Override
		public void execute(DelegateExecution execution) {
			planner.plan();
		}

	}

	/** {@code ${saveRoundWorkLog}}: the round's task becomes its work log, recorded by who completed the task. */
	@Step(label = "保存工作记录", offered = false)
	@Component("saveRoundWorkLog")
	static class SaveWorkLog implements JavaDelegate {

		private final DutyRounds rounds;

		private final WorkLogs logs;

		SaveWorkLog(DutyRounds rounds, WorkLogs logs) {
			this.rounds = rounds;
			this.logs = logs;
		}

		@Override
		public void execute(DelegateExecution execution) {
			DutyRound round = rounds.find(WorkRoundProcess.ROUND_ID.get(execution)).orElseThrow();
			OffsetDateTime doneAt = WorkRoundProcess.DONE_AT.get(execution);
			// the rules the app's log follows: not in the future (a phone's clock may run a little ahead), not before
			// the round began
			if (doneAt != null && doneAt.isAfter(Clock.now().plus(WorkLogController.CLOCK_SKEW))) {
				throw new Refusal("完成时间：不能晚于现在");
			}
			if (doneAt != null && doneAt.isBefore(round.startsAt())) {
				throw new Refusal("完成时间：不能早于这一轮的开始时间");
			}
			String notes = WorkRoundProcess.NOTES.text(execution);
			if (WorkRoundProcess.PROBLEM_FOUND.isTrue(execution)) {
				notes = (notes.isEmpty() ? "" : notes + "\n") + "发现问题：" + WorkRoundProcess.PROBLEM.text(execution);
			}
			logs.recordRound(round, doneAt == null ? Clock.now() : doneAt, notes.isEmpty() ? null : notes,
					Actor.current(execution));
		}

	}

	/**
	 * {@code ${showPreviousRoundLog}}, when a round's task is created: the last log of the same duty in the same
	 * building (when, who, notes), so nobody opens another screen to see what the round before found.
	 */
	@Step(label = "显示上一轮记录", offered = false)
	@Component("showPreviousRoundLog")
	static class ShowPreviousLog implements TaskListener {

		private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

		private final WorkLogs logs;

		ShowPreviousLog(WorkLogs logs) {
			this.logs = logs;
		}

		@Override
		public void notify(DelegateTask task) {
			WorkRoundProcess.PREVIOUS_LOG.set(task, logs.latest(WorkRoundProcess.DUTY.get(task), WorkRoundProcess.BUILDING.get(task))
					.map(last -> DAY_TIME.format(last.doneAt()) + " " + last.recordedByName() + "："
							+ (last.notes() == null ? "（无备注）" : last.notes()))
					.orElse("（此前没有记录）"));
		}

	}

	/** {@code ${markRoundMissed}}: the round's window ended without a work log. */
	@Step(label = "记为漏做", offered = false)
	@Component("markRoundMissed")
	static class MarkMissed implements JavaDelegate {

		private final DutyRounds rounds;

		MarkMissed(DutyRounds rounds) {
			this.rounds = rounds;
		}

		@Override
		public void execute(DelegateExecution execution) {
			rounds.markMissed(WorkRoundProcess.ROUND_ID.get(execution));
		}

	}

}
