package com.propdesk.sla;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseService;
import com.propdesk.system.CaseVariables;
import com.propdesk.system.Clock;
import com.propdesk.system.FormFacts;
import com.propdesk.system.Var;

/**
 * What the 超时督办 form ({@code sla-clock-escalate}) shows of the breach beyond its instance's {@code caseNo} and
 * {@code sla}: the case's building, unit, reporter, phone and description — whom to call and about what — and the
 * clock's name and the time it was due, as staff read a time ({@code 2026-11-27 10:15}). Read from the case and the
 * clock when the form is opened, so a breach's instance holds three variables instead of nine.
 */
@Component
class BreachFormFacts implements FormFacts {

	private final CaseService cases;

	private final SlaRepository clocks;

	BreachFormFacts(CaseService cases, SlaRepository clocks) {
		this.cases = cases;
		this.clocks = clocks;
	}

	@Override
	public String processKey() {
		return SlaService.WATCHER;
	}

	@Override
	public Map<String, Object> facts(VariableScope task) {
		String caseNo = CaseVariables.CASE_NO.get(task);
		String sla = SlaClockProcess.SLA.get(task);
		Map<String, Object> facts = new LinkedHashMap<>();
		if (caseNo == null) {
			return facts;
		}
		cases.find(caseNo).ifPresent(record -> {
			put(facts, CaseVariables.BUILDING, record.building());
			put(facts, CaseVariables.UNIT, record.unit());
			put(facts, CaseVariables.REPORTER_NAME, record.reporterName());
			put(facts, CaseVariables.REPORTER_PHONE, record.reporterPhone());
			put(facts, CaseVariables.DESCRIPTION, record.description());
		});
		if (sla != null) {
			put(facts, SlaClockProcess.SLA_LABEL, SlaNames.label(sla));
			// the round that breached (a clock started again later has a round of its own)
			clocks.ofCase(caseNo).stream().filter(c -> c.sla().equals(sla) && c.breached()).reduce((first, last) -> last)
					.ifPresent(clock -> put(facts, SlaClockProcess.DUE_AT,
							Var.TYPED_TIME.format(Clock.local(clock.dueAt()))));
		}
		return facts;
	}

	private static void put(Map<String, Object> facts, Var<?> variable, String value) {
		if (value != null && !value.isBlank()) {
			facts.put(variable.name(), value);
		}
	}

}
