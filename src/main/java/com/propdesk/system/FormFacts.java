package com.propdesk.system;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a task's form shows that its instance does not hold: a breach's 超时督办 shows the case's building, unit,
 * reporter and description and the clock's due time, read from the case when Tasklist loads the form's variables
 * ({@code GET /engine-rest/task/{id}/form-variables}) rather than copied into every instance (a copied variable cost
 * three rows: the variable, its history and its history detail). The form shows these fields read-only; sent back,
 * they are dropped like any read-only field.
 */
public interface FormFacts {

	/** The process whose tasks' forms this adds to. */
	String processKey();

	/**
	 * The values by variable name for a task of that process (its instance's variables readable through it), shown
	 * instead of a variable of the same name the instance holds (an older instance's copy).
	 */
	Map<String, Object> facts(VariableScope task);

}
