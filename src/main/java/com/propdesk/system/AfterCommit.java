package com.propdesk.system;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs work once the engine's transaction commits, so that a meter counts what happened and not what was rolled
 * back (a job that fails is retried and would count twice); at once outside an engine command.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable work) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			work.run();
			return;
		}
		command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> work.run());
	}

}
