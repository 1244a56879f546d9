package com.propdesk.system;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Options a form's select offers from data — the estate's buildings, the technicians on duty — rather than from a
 * copy in the form file. A select names its source by {@code valuesKey}; when Tasklist fetches the form
 * ({@code deployed-form}, {@code deployed-start-form}) the options are filled in as that select's {@code values},
 * and a submitted value is checked and stored as the source decides.
 */
public interface FormOptions {

	/** The {@code valuesKey} a select names this source by. */
	String key();

	/** The options for a form opened now: a task's form (the task as scope) or a start form (null). */
	List<Option> options(VariableScope task);

	/** What to store for a submitted value, or why it is refused. */
	Choice choose(String submitted, VariableScope task);

	/** One option: what the person reads and what is stored. */
	record Option(String label, String value) {
	}

	/** The value to store, or the reason (Chinese, without the field's name) it is refused. */
	record Choice(String value, String refused) {

		public static Choice of(String value) {
			return new Choice(value, null);
		}

		public static Choice refuse(String reason) {
			return new Choice(null, reason);
		}

	}

}
