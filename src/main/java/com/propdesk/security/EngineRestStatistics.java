package com.propdesk.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * Counts of running instances are for those who may read running instances. The engine's statistics per process
 * definition ({@code process-definition/statistics}, and per activity: {@code process-definition/{id}/statistics},
 * {@code …/key/{key}/statistics}) check only READ on the definition, which every department has so that Tasklist
 * can show its processes; they then count every instance, so a cleaner learned how many repairs, complaints and
 * emergencies were running. They answer 403 unless the caller may read instances of process definitions
 * (READ_INSTANCE: the desk, the duty officer, management, auditors, administrators).
 * <p>
 * The Cockpit plugin API ({@code /camunda/api/cockpit/plugin/…}), whose statistics are Cockpit's dashboard, is open in
 * Camunda to anybody logged in to any webapp (its rule asks for a login, not for Cockpit's access); it answers 403
 * unless the caller may use Cockpit. Its static files (plugin scripts, loaded before any login) stay open.
 */
@PreMatching
final class EngineRestStatistics implements ContainerRequestFilter {

	/** {@code [engine/{name}/]process-definition/[{id}/ | key/{key}/[tenant-id/{t}/]]statistics} relative to the API's base. */
	static final Pattern STATISTICS = Pattern.compile(
			"^/?(?:engine/([^/]+)/)?process-definition/(?:key/[^/]+/(?:tenant-id/[^/]+/)?|[^/]+/)?statistics/?$");

	/** {@code plugin/{plugin}/{engine}/…} relative to the Cockpit plugin API's base; not {@code …/static/…}. */
	static final Pattern COCKPIT_PLUGIN = Pattern.compile("^/?plugin/[^/]+/(?!static/)([^/]+)/.*");

	@Override
	public void filter(ContainerRequestContext request) {
		String path = request.getUriInfo().getPath();
		Matcher statistics = STATISTICS.matcher(path);
		if (statistics.matches()) {
			refuseUnless(request, statistics.group(1), ProcessDefinitionPermissions.READ_INSTANCE,
					Resources.PROCESS_DEFINITION, Authorization.ANY);
			return;
		}
		Matcher plugin = COCKPIT_PLUGIN.matcher(path);
		if (plugin.matches() && request.getUriInfo().getBaseUri().getPath().endsWith("/api/cockpit/")) {
			refuseUnless(request, plugin.group(1), Permissions.ACCESS, Resources.APPLICATION, "cockpit");
		}
	}

	private static void refuseUnless(ContainerRequestContext request, String engineName, Permission permission,
			Resource resource, String resourceId) {
		ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
		if (engine == null) {
			return;
		}
		Authentication caller = engine.getIdentityService().getCurrentAuthentication();
		if (caller == null || caller.getUserId() == null) {
			return; // not logged in: the API's own authentication answers
		}
		List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		if (engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), groups, permission, resource,
				resourceId)) {
			return;
		}
		var refusal = new AuthorizationException(caller.getUserId(),
				new MissingAuthorization(permission.getName(), resource.resourceName(), resourceId));
		request.abortWith(EngineRestErrors.answer(refusal, Status.FORBIDDEN));
	}

}
