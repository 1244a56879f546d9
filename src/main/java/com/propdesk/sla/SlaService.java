package com.propdesk.sla;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.propdesk.intake.CaseClocks;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.notify.Notifications;
import com.propdesk.security.Groups;
import com.propdesk.system.AfterCommit;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;

/**
 * The SLA clocks of the company's service standard. Starting a clock computes its due time from {@code sla-policy},
 * stores it on the case and schedules a timer job due at exactly that time ({@link SlaDueJobs}); meeting or stopping
 * the clock deletes the job; a pause suspends it and a resume moves it by the paused time. A clock still open when
 * its job fires starts a {@code sla-clock} instance: the breach is recorded, paged and escalated, and never stops the
 * case.
 */
@Service
public class SlaService implements CaseClocks {

	public static final String WATCHER = "sla-clock";

	/** Message that ends a clock's watcher when the clock is met or stopped. */
	public static final String CLOCK_ENDED = "SlaClockEnded";

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final SlaRepository clocks;

	private final SlaPolicy policy;

	private final CaseService cases;

	private final Notifications notifications;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final TaskDeadlines deadlines;

	private final SlaDueJobs dueJobs;

	private final MeterRegistry meters;

	/** {@code propdesk.sla.breaches}: breaches recorded, by SLA, once committed. */
	static final String BREACHES = "propdesk.sla.breaches";

	SlaService(SlaRepository clocks, SlaPolicy policy, CaseService cases, Notifications notifications,
			RuntimeService runtimeService, ManagementService managementService, TaskDeadlines deadlines,
			SlaDueJobs dueJobs, MeterRegistry meters) {
		this.dueJobs = dueJobs;
		this.meters = meters;
		this.deadlines = deadlines;
		this.clocks = clocks;
		this.policy = policy;
		this.cases = cases;
		this.notifications = notifications;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
	}

	/**
	 * Starts a clock. Starting it while it runs answers the running clock; starting it after it was met
	 * or stopped begins a new round (a job dispatched again after a hand-back is timed again).
	 * @param startedAt when the clock starts (intake time for clocks that run from intake)
	 */
	public SlaClock start(String caseNo, String sla, String priority, OffsetDateTime startedAt) {
		Optional<SlaClock> existing = clocks.find(caseNo, sla);
		if (existing.isPresent() && existing.get().open()) {
			return existing.get();
		}
		int round = existing.isPresent() ? clocks.rounds(caseNo, sla) + 1 : 1;
		CaseRecord record = cases.find(caseNo).orElseThrow(() -> new IllegalStateException("No case " + caseNo));
		SlaPolicy.Target target = policy.target(record.type().key(), sla, priority);
		OffsetDateTime due = startedAt.plus(target.duration());
		SlaClock clock = new SlaClock(caseNo, sla, startedAt, target.text(), due, target.escalateTo(), null, null, 0,
				null, null, null, null, dueJobs.schedule(caseNo, sla, due));
		clocks.insert(clock, round);
		cases.record(caseNo, SlaTimeline.SLA_STARTED, "开始计时：" + SlaNames.label(sla) + (round > 1 ? "（第 " + round + " 次）" : "") + "，时限 " + readable(target.duration())
				+ "，应于 " + SHORT.format(due) + " 前完成");
		deadlines.refresh(caseNo);
		return clock;
	}

	/**
	 * Starts a clock whose due time is set by people rather than by the policy table (a major
	 * complaint is resolved "per plan"); it escalates to management.
	 */
	public SlaClock startUntil(String caseNo, String sla, OffsetDateTime due, String reason) {
		Optional<SlaClock> existing = clocks.find(caseNo, sla);
		if (existing.isPresent() && existing.get().open()) {
			return existing.get();
		}
		int round = existing.isPresent() ? clocks.rounds(caseNo, sla) + 1 : 1;
		SlaClock clock = new SlaClock(caseNo, sla, Clock.now(), "plan", due, Groups.MANAGEMENT, null, null, 0, null, null,
				null, null, dueJobs.schedule(caseNo, sla, due));
		clocks.insert(clock, round);
		cases.record(caseNo, SlaTimeline.SLA_STARTED, "开始计时：" + SlaNames.label(sla) + "，" + reason + "，应于 " + SHORT.format(due)
				+ " 前完成");
		deadlines.refresh(caseNo);
		return clock;
	}

	/**
	 * The clock's job fired ({@link SlaDueJobs}): a clock still open and not yet breached starts its {@code sla-clock}
	 * instance, which records the breach and asks the escalation group to act. A clock met, stopped or paused
	 * meanwhile starts nothing. The instance holds the case, the SLA and the group; its form reads the rest from the
	 * case and the clock ({@link BreachFormFacts}).
	 */
	void due(String caseNo, String sla) {
		SlaClock clock = clocks.find(caseNo, sla).orElse(null);
		if (clock == null || clock.state() != SlaClock.State.RUNNING || clock.breached()) {
			return;
		}
		runtimeService.startProcessInstanceByKey(WATCHER, caseNo, Map.of(CaseVariables.CASE_NO.name(), caseNo,
				SlaClockProcess.SLA.name(), sla, SlaClockProcess.ESCALATE_TO.name(), clock.escalateTo()));
	}

	/** The clock is met; met after a breach it is still recorded, with its duration. */
	public void meet(String caseNo, String sla) {
		clocks.find(caseNo, sla).filter(SlaClock::open).ifPresent(clock -> {
			OffsetDateTime now = Clock.now();
			if (clock.pausedAt() != null) {
				resume(caseNo, sla);
			}
			clocks.met(caseNo, sla, now);
			SlaClock met = clocks.find(caseNo, sla).orElseThrow();
			cases.record(caseNo, SlaTimeline.SLA_MET, SlaNames.label(sla) + (met.breached() ? "超时后完成" : "按时达标") + "，用时 "
					+ readable(met.duration()));
			endWaiting(met);
			deadlines.refresh(caseNo);
		});
	}

	/** Stops every open clock of a case that leaves its procedure (promoted, cancelled); no breach follows. */
	public void stopAll(String caseNo, String reason) {
		for (SlaClock clock : clocks.ofCase(caseNo)) {
			if (clock.open()) {
				clocks.stopped(caseNo, clock.sla(), Clock.now());
				cases.record(caseNo, SlaTimeline.SLA_STOPPED, SlaNames.label(clock.sla()) + "停止计时：" + reason);
				endWaiting(clock);
			}
		}
	}

	public void pause(String caseNo, String sla, String reason) {
		clocks.find(caseNo, sla).filter(c -> c.state() == SlaClock.State.RUNNING).ifPresent(clock -> {
			clocks.paused(caseNo, sla, Clock.now(), reason);
			timer(clock).ifPresent(job -> dueJobs.update(job, null, SuspensionState.SUSPENDED));
			cases.record(caseNo, SlaTimeline.SLA_PAUSED, SlaNames.label(sla) + "暂停计时：" + reason);
		});
	}

	/** Resumes a paused clock: its due time moves by the time it was paused, and so does its timer. */
	public void resume(String caseNo, String sla) {
		clocks.find(caseNo, sla).filter(c -> c.state() == SlaClock.State.PAUSED).ifPresent(clock -> {
			Duration paused = Duration.between(clock.pausedAt(), Clock.now());
			OffsetDateTime due = clock.dueAt().plus(paused);
			clocks.resumed(caseNo, sla, paused.toMillis(), due);
			if (clock.dueJobId() == null) {
				watcher(caseNo, sla).ifPresent(w -> runtimeService.setVariable(w.getId(), SlaClockProcess.DUE_AT.name(),
						SlaClockProcess.DUE_AT.stored(due)));
			}
			timer(clock).ifPresent(job -> dueJobs.update(job, Date.from(due.toInstant()), SuspensionState.ACTIVE));
			cases.record(caseNo, SlaTimeline.SLA_RESUMED, SlaNames.label(sla) + "恢复计时，暂停 " + readable(paused) + "，应于 "
					+ SHORT.format(due) + " 前完成");
			deadlines.refresh(caseNo);
		});
	}

	/**
	 * The breach's {@code sla-clock} instance records it ({@code recordSlaBreach}) and pages the escalation group.
	 * @return whether the clock was still open (a breach); false when it was met or stopped meanwhile
	 */
	public boolean breach(String caseNo, String sla) {
		SlaClock clock = clocks.find(caseNo, sla).orElse(null);
		if (clock == null || !clock.open() || clock.breached()) {
			return false;
		}
		OffsetDateTime now = Clock.now();
		clocks.breached(caseNo, sla, now, clock.escalateTo());
		AfterCommit.run(() -> Counter.builder(BREACHES).description("SLA breaches recorded").tag("sla", sla).register(meters)
				.increment());
		String message = "超时：" + SlaNames.label(sla) + "应于 " + SHORT.format(clock.dueAt()) + " 前完成，已升级至"
				+ Groups.label(clock.escalateTo());
		cases.record(caseNo, SlaTimeline.SLA_BREACHED, message);
		notifications.page("breach:" + caseNo + ":" + sla, clock.escalateTo(), caseNo, "【PropDesk】" + caseNo + " " + message);
		return true;
	}

	@Override
	public List<ClockView> clocks(String caseNo) {
		return clocks.ofCase(caseNo).stream().map(c -> new ClockView(c.sla(), c.label(),
				c.state().name().toLowerCase(), c.startedAt(), c.dueAt(), c.metAt(), c.breachedAt(), c.escalatedTo(),
				c.pauseReason())).toList();
	}

	public Optional<SlaClock> clock(String caseNo, String sla) {
		return clocks.find(caseNo, sla);
	}

	/** The nearest due time of the clocks still running: what the owner and the channel see as dueAt. */
	@Override
	public Optional<OffsetDateTime> nearestDue(String caseNo) {
		return clocks.ofCase(caseNo).stream().filter(c -> c.state() == SlaClock.State.RUNNING).map(SlaClock::dueAt)
				.min(Comparator.naturalOrder());
	}

	/** The clock ended before it was due: its job goes (a clock started before the jobs ends its watcher instead). */
	private void endWaiting(SlaClock clock) {
		if (clock.dueJobId() != null) {
			dueJobs.cancel(clock.dueJobId());
			return;
		}
		runtimeService.createMessageCorrelation(CLOCK_ENDED).processInstanceBusinessKey(clock.caseNo())
				.processInstanceVariableEquals(SlaClockProcess.SLA.name(), clock.sla()).correlateAll();
	}

	/** The id of the job the clock waits on: its own, or the timer of a watcher started before the jobs. */
	private Optional<String> timer(SlaClock clock) {
		if (clock.dueJobId() != null) {
			return Optional.of(clock.dueJobId());
		}
		return watcher(clock.caseNo(), clock.sla()).flatMap(w -> managementService.createJobQuery()
				.processInstanceId(w.getId()).timers().listPage(0, 1).stream().findFirst()).map(Job::getId);
	}

	private Optional<ProcessInstance> watcher(String caseNo, String sla) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(WATCHER).processInstanceBusinessKey(caseNo)
				.variableValueEquals(SlaClockProcess.SLA.name(), sla).listPage(0, 1).stream().findFirst();
	}

	/**
	 * The case and SLA a clock's due job is for, read from the job (no process instance holds it): what an operator
	 * looking at a failed one needs. Empty for any other job.
	 */
	public static Optional<Map.Entry<String, String>> clockOfDueJob(Job job) {
		if (job instanceof JobEntity entity && SlaDueJobs.TYPE.equals(entity.getJobHandlerType())) {
			SlaDueJobs.Due due = SlaDueJobs.Due.parse(entity.getJobHandlerConfigurationRaw());
			return Optional.of(Map.entry(due.caseNo(), due.sla()));
		}
		return Optional.empty();
	}

	/** A duration as staff read it: "40 分钟", "2 小时", "3 天", "1 小时 30 分钟". */
	public static String readable(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes + " 分钟";
		}
		if (minutes % 60 == 0 && minutes < 48 * 60) {
			return minutes / 60 + " 小时";
		}
		if (minutes % (24 * 60) == 0) {
			return minutes / (24 * 60) + " 天";
		}
		return minutes / 60 + " 小时 " + minutes % 60 + " 分钟";
	}

}
