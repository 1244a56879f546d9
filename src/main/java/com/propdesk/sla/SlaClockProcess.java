package com.propdesk.sla;

import java.time.OffsetDateTime;
import java.util.Map;

import com.propdesk.system.Step;
import com.propdesk.system.Var;

/**
 * Variables of the SLA elements in any case diagram (input parameters of {@code startSlaClock} and the
 * others) and of the {@code sla-clock} instance a clock's breach starts.
 */
public final class SlaClockProcess {

	/** The SLA a clock element or breach is about ({@code repair-response}, …). */
	public static final Var<String> SLA = Var.text("sla");

	/** {@code intake} for a clock that runs from intake rather than from now. */
	public static final Var<String> FROM = Var.text("from");

	public static final String FROM_INTAKE = "intake";

	/** The one value {@link #FROM} takes; without it the clock runs from now. */
	public static final class FromOptions implements Step.Options {

		@Override
		public Map<String, String> values() {
			return Map.of(FROM_INTAKE, "从受理时起算");
		}

	}

	/** Why a clock is paused. */
	public static final Var<String> REASON = Var.text("reason");

	/** The SLA's name on the escalation form (read from the clock when the form opens, {@link BreachFormFacts}). */
	public static final Var<String> SLA_LABEL = Var.text("slaLabel");

	/**
	 * The clock's due time: a variable of a watcher started before the due jobs, which PropDesk still moves; the
	 * escalation form shows it as text read from the clock ({@link BreachFormFacts}).
	 */
	public static final Var<OffsetDateTime> DUE_AT = Var.time("dueAt");

	public static final Var<String> ESCALATE_TO = Var.text("escalateTo");

	/** Set by {@code recordSlaBreach} for its gateway, transient: never stored. */
	public static final Var<Boolean> BREACHED = Var.flag("breached");

	/** What the escalation group did about a breach. */
	public static final Var<String> ACTION_TAKEN = Var.text("actionTaken");

	private SlaClockProcess() {
	}

}
