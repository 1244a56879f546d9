package com.propdesk.security;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who an engine command runs for: a person (a staff member's call) or PropDesk itself. */
final class People {

	private People() {
	}

	/**
	 * The person the current command acts for, when the engine checks authorizations for it; null when
	 * PropDesk's own code runs (no authenticated user) or it switched checks off for an internal step.
	 */
	static Authentication person() {
		CommandContext command = Context.getCommandContext();
		if (command == null || !command.isAuthorizationCheckEnabled() || command.getAuthentication() == null
				|| command.getAuthentication().getUserId() == null) {
			return null;
		}
		return command.getAuthentication();
	}

	/** A staff member, not an administrator and not PropDesk's own code. */
	static boolean isStaff() {
		Authentication person = person();
		return person != null && !Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(person);
	}

	/** Not a staff member: an administrator, or PropDesk's own code. */
	static boolean isAdministrator() {
		return !isStaff();
	}

}
