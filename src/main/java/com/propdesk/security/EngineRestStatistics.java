package com.propdesk.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
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
 * (READ_INSTANCE: the desk, the duty officer, management, auditors, administrators). So do the engine's metrics
 * ({@code metrics/…}: instances started, activities, decisions evaluated, task users, in any time window), which every
 * logged-in user could read.
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

	/** {@code [engine/{name}/]metrics[/…]}: the engine's totals (instances started, activities, decisions, task users). */
	static final Pattern METRICS = Pattern.compile("^/?(?:engine/([^/]+)/)?metrics(?:/.*)?$");

	/** {@code plugin/{plugin}/{engine}/…} relative to the Cockpit plugin API's base; not {@code …/static/…}. */
	static final Pattern COCKPIT_PLUGIN = Pattern.compile("^/?plugin/[^/]+/(?!static/)([^/]+)/.*");

	@Override
	public void filter(ContainerRequestContext request) {
		// the segments as the resources are matched, without parameters (PathParameterRefusal refuses those first)
		String path = request.getUriInfo().getPathSegments().stream().map(PathSegment::getPath)
				.collect(Collectors.joining("/"));
		for (Pattern counts : List.of(STATISTICS, METRICS)) {
			Matcher matched = counts.matcher(path);
			if (matched.matches()) {
				refuseUnless(request, matched.group(1), ProcessDefinitionPermissions.READ_INSTANCE,
						Resources.PROCESS_DEFINITION, Authorization.ANY);
				return;
			}
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
			// the APIs' own authentication answers 401 before; should a path ever slip past it, nothing is counted
			request.abortWith(Response.status(Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
					.entity(Map.of("type", "AuthenticationException", "message", "请先登录")).build());
			return;
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
