package com.propdesk.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * A person's request to run a job now ({@code POST /job/{id}/execute}) that the engine refuses is no failure of the
 * job: the engine counts every exception of a job's run as one and takes a retry, so three refused clicks by anyone
 * logged in — who may not even see the job — used up an SLA clock's retries and silenced it with an incident. A
 * refusal now leaves the job as it was; every other failure, and every failure of the job executor's own runs, takes
 * a retry as before.
 */
final class RefusalsAreNoJobFailures implements FailedJobCommandFactory {

	private final FailedJobCommandFactory engines = new DefaultFailedJobCommandFactory();

	@Override
	public Command<Object> getCommand(String jobId, Throwable failure) {
		if (InternalProcesses.isPersonsRequest() && refused(failure)) {
			return context -> null;
		}
		return engines.getCommand(jobId, failure);
	}

	private static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof AuthorizationException) {
				return true;
			}
		}
		return false;
	}

}
