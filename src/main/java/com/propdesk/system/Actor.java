package com.propdesk.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts, as the engine knows it for this call: the user, or {@code system} for the engine's own jobs and start-up. */
public final class Actor {

	public static final String SYSTEM = "system";

	/** A channel system acts as {@code channel:<name>} ({@code channel:wechat}). */
	public static final String CHANNEL_PREFIX = "channel:";

	private Actor() {
	}

	public static String current(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
	}

	/** Who completed the task (or made the call) that led the process to this step. */
	public static String current(DelegateExecution execution) {
		return current(execution.getProcessEngineServices().getIdentityService());
	}

}
