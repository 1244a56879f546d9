package com.propdesk.sla;

import static com.propdesk.intake.CaseService.caseNo;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.system.Clock;

/**
 * The SLA elements a diagram uses: service tasks with {@code delegateExpression} and an input
 * parameter {@code sla} (and {@code from} = {@code intake} for clocks that run from intake,
 * {@code reason} for a pause). Input parameters, not field injection: the delegates are singletons.
 */
final class SlaDelegates {

	private SlaDelegates() {
	}


	static String sla(DelegateExecution execution) {
		return (String) execution.getVariableLocal("sla");
	}

	/** {@code ${startSlaClock}}: starts the clock named by {@code sla}, priority from {@code priority}. */
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
			OffsetDateTime startedAt = "intake".equals(execution.getVariableLocal("from"))
					? cases.find(caseNo).orElseThrow().createdAt() : Clock.now();
			slas.start(caseNo, sla(execution), (String) execution.getVariable("priority"), startedAt);
		}

	}

	/** {@code ${meetSlaClock}}: the clock named by {@code sla} is met (nothing when it never started). */
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
	@Component("pauseSlaClock")
	static class Pause implements JavaDelegate {

		private final SlaService slas;

		Pause(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			slas.pause(caseNo(execution), sla(execution), String.valueOf(execution.getVariableLocal("reason")));
		}

	}

	/** {@code ${resumeSlaClock}}: resumes the clock named by {@code sla}. */
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

	/** {@code ${recordSlaBreach}} in {@code sla-clock}: records and pages a breach, sets {@code breached}. */
	@Component("recordSlaBreach")
	static class RecordBreach implements JavaDelegate {

		private final SlaService slas;

		RecordBreach(SlaService slas) {
			this.slas = slas;
		}

		@Override
		public void execute(DelegateExecution execution) {
			execution.setVariable("breached", slas.breach(caseNo(execution), (String) execution.getVariable("sla")));
		}

	}

	/** {@code ${recordEscalation}} in {@code sla-clock}: what the escalation group did goes into the timeline. */
	@Component("recordEscalation")
	static class RecordEscalation implements JavaDelegate {

		private final CaseService cases;

		RecordEscalation(CaseService cases) {
			this.cases = cases;
		}

		@Override
		public void execute(DelegateExecution execution) {
			cases.record(caseNo(execution), SlaTimeline.SLA_ESCALATION_HANDLED,
					execution.getVariable("slaLabel") + "超时督办：" + execution.getVariable("actionTaken"));
		}

	}

}
