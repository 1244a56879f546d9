package com.propdesk.security;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks with the caller's groups as they are. Camunda first narrows a user's groups to
 * those named by any grant, reading the distinct group of every row of the grants table once per command
 * ({@code selectAuthorizedGroupIds}): a shortcut for users in hundreds of directory groups. PropDesk's staff are in
 * one to three groups, and the grants table grows with every task (a grant per candidate and assignee, kept with the
 * task's history until its removal time): with 100,000 open tasks on PostgreSQL that read took 60 to 90 ms in every
 * command a staff member, a channel or an owner's link started, and the intake ran at a third of its rate. A group
 * no grant names adds nothing to a check, so checking the groups unnarrowed answers the same.
 */
class AuthorizationChecks extends AuthorizationManager {

	@Override
	public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
		return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
	}

}
