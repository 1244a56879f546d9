package com.propdesk.repair;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import com.propdesk.system.Clock;
import com.propdesk.system.Var;

/**
 * The notes the next technician reads on the job: what earlier rounds found and why the job came
 * back. Values of the finished round are then removed so the next form starts clean; history keeps them.
 */
final class RepairNotes {

	private RepairNotes() {
	}

	static void append(DelegateExecution execution, String message) {
		String notes = RepairProcess.REPAIR_NOTES.text(execution);
		RepairProcess.REPAIR_NOTES.set(execution,
				(notes.isEmpty() ? "" : notes + "\n") + "[" + Clock.now().toLocalDateTime().withNano(0) + "] " + message);
	}

	static void clearRound(DelegateExecution execution, Var<?>... variables) {
		for (Var<?> variable : variables) {
			execution.removeVariable(variable.name());
		}
	}

}
