package com.propdesk.sla;

import static com.propdesk.intake.CaseService.caseNo;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.Step;

/**
 * The SLA elements a diagram uses: service tasks with {@code delegateExpression} and an input
 * parameter {@code sla} (and {@code from} = {@code intake} for clocks that run from intake,
 * {@code reason} for a pause). Input parameters, not field injection: the delegates are singletons.
 */
final class SlaDelegates {

	private SlaDelegates() {
	}


	static String sla(DelegateExecution execution) {
		return SlaClockProcess.SLA.getLocal(execution);
	}

	/** {@code ${startSlaClock}}: starts the clock named by {@code sla}, priority from {@code priority}. */
	@Step(label = "开始计时", inputs = { @Step.Input(name = "sla", label = "时限", options = SlaNames.Options.class),
			@Step.Input(name = "from", label = "起算", options = SlaClockProcess.FromOptions.class) })
	@Component("startSlaClock")
	static class Start implements JavaDelegate {

		private final SlaService slas;

		private final CaseService cases;

		Start(SlaService slas, CaseService cases) {
			this.slas = slas;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			OffsetDateTime startedAt = SlaClockProcess.FROM_INTAKE.equals(SlaClockProcess.FROM.getLocal(execution))
					? cases.find(caseNo).orElseThrow().createdAt() : Clock.now();
			slas.start(caseNo, sla(execution), CaseVariables.PRIORITY.get(execution), startedAt);
		}

	}

	/** {@code ${meetSlaClock}}: the clock named by {@code sla} is met (nothing when it never started). */
	@Step(label = "时限达标", inputs = @Step.Input(name = "sla", label = "时限", options = SlaNames.Options.class))
	@Component("meetSlaClock")
	static class Meet implements JavaDelegate {

		private final SlaService slas;

		Meet(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			slas.meet(caseNo(execution), sla(execution));
		}

	}

	/** {@code ${pauseSlaClock}}: pauses the clock named by {@code sla} for {@code reason}. */
	@Step(label = "暂停计时", inputs = { @Step.Input(name = "sla", label = "时限", options = SlaNames.Options.class),
			@Step.Input(name = "reason", label = "暂停原因") })
	@Component("pauseSlaClock")
	static class Pause implements JavaDelegate {

		private final SlaService slas;

		Pause(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			slas.pause(caseNo(execution), sla(execution), String.valueOf(SlaClockProcess.REASON.getLocal(execution)));
		}

	}

	/** {@code ${resumeSlaClock}}: resumes the clock named by {@code sla}. */
	@Step(label = "恢复计时", inputs = @Step.Input(name = "sla", label = "时限", options = SlaNames.Options.class))
	@Component("resumeSlaClock")
	static class Resume implements JavaDelegate {

		private final SlaService slas;

		Resume(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			slas.resume(caseNo(execution), sla(execution));
		}

	}

	/**
	 * {@code ${recordSlaBreach}} in {@code sla-clock}: records and pages a breach, sets {@code breached} for the gateway
	 * right after it, and for a breach the case's priority, building, unit and description for the escalation task's
	 * card ({@code CaseCards}). All transient: the gateway and the task's creation in the same transaction are all that
	 * read them, and each stored one cost three rows per breach (the form reads the case itself, {@link BreachFormFacts}).
	 */
	@Step(label = "记录超时并呼叫", offered = false)
	@Component("recordSlaBreach")
	static class RecordBreach implements JavaDelegate {

		private final SlaService slas;

		private final CaseService cases;

		RecordBreach(SlaService slas, CaseService cases) {
			this.slas = slas;
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String caseNo = caseNo(execution);
			boolean breached = slas.breach(caseNo, SlaClockProcess.SLA.get(execution));
			SlaClockProcess.BREACHED.setTransient(execution, breached);
			if (breached) {
				cases.find(caseNo).ifPresent(record -> {
					CaseVariables.PRIORITY.setTransient(execution, record.priority());
					CaseVariables.BUILDING.setTransient(execution, record.building());
					CaseVariables.UNIT.setTransient(execution, record.unit());
					CaseVariables.DESCRIPTION.setTransient(execution, record.description());
				});
			}
		}

	}

	/** {@code ${recordEscalation}} in {@code sla-clock}: what the escalation group did goes into the timeline. */
	@Step(label = "记录督办", offered = false)
	@Component("recordEscalation")
	static class RecordEscalation implements JavaDelegate {

		private final CaseService cases;

		RecordEscalation(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.record(caseNo(execution), SlaTimeline.SLA_ESCALATION_HANDLED,
					SlaNames.label(SlaClockProcess.SLA.get(execution)) + "超时督办：" + SlaClockProcess.ACTION_TAKEN.get(execution));
		}

	}

}
