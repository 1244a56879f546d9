package com.propdesk.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A request to a sub-resource of a task, process instance, execution, job, deployment or incident that does not exist
 * answers 404. Many of the REST API's sub-resources (a task's variables, form, identity links, claim; a
 * process instance's variables and modification; a job's retries; a deployment's resource data) do not check
 * the id themselves and failed deeper in the engine with a null-value error or a NullPointerException — a 500
 * for a caller's typo. The check runs before the resource, without authorization, so a thing that exists
 * but may not be read still answers the engine's own 403.
 */
@PreMatching
final class EngineRestUnknownIds implements ContainerRequestFilter {

	/** {@code [engine/{name}/]{resource}/{id}/{sub-resource…}} relative to the API's base. */
	static final Pattern SUB_RESOURCE = Pattern
			.compile("^/?(?:engine/([^/]+)/)?(task|process-instance|execution|job|deployment|incident)/([^/]+)/(.+)");

	static final Map<String, String> NAMES = Map.of("task", "任务", "process-instance", "流程实例", "execution", "执行",
			"job", "作业", "deployment", "部署", "incident", "故障");

	/** A task's form as the REST API serves it; a task created on its own has none, and the engine failed on it. */
	static final Pattern FORM = Pattern.compile("deployed-form|rendered-form");

	@Override
	public void filter(ContainerRequestContext request) {
		Matcher path = SUB_RESOURCE.matcher(request.getUriInfo().getPath());
		if (!path.matches() || ("task".equals(path.group(2)) && "report".equals(path.group(3)))) {
			return;
		}
		ProcessEngine engine = EngineUtil.lookupProcessEngine(path.group(1));
		if (engine == null) {
			return;
		}
		String resource = path.group(2);
		String id = path.group(3);
		Found found = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequired()
				.execute(context -> context.runWithoutAuthorization(() -> find(context, resource, id)));
		if (found == Found.NONE) {
			request.abortWith(notFound(resource, id));
		}
		else if (found == Found.TASK_WITHOUT_PROCESS && FORM.matcher(path.group(4)).matches() && mayRead(engine, id)) {
			notFound(request, "此任务没有表单");
		}
	}

	private static void notFound(ContainerRequestContext request, String message) {
		request.abortWith(notFound(message));
	}

	private static Response notFound(String resource, String id) {
		// Tasklist says 任务不存在 itself for the engine's English (EngineMessages.READ_BY_THE_WEBAPPS)
		return notFound("task".equals(resource) && EngineMessages.isWebappsRequest() ? "No matching task with id " + id
				: NAMES.get(resource) + "不存在：" + id);
	}

	private static Response notFound(String message) {
		return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "InvalidRequestException", "message", message)).build();
	}

	/** A task's sub-resource in a request's path, in the REST API or as the webapps call it. */
	private static final Pattern TASK_IN_PATH = Pattern.compile("/task/([^/]+)/[^/]+");

	/**
	 * The answer to a request on a task that failed because the task ended while it ran: that the task is gone, as
	 * one who came a moment later is told. Two people submitting one task at once: the one who lost read the task
	 * before the other's commit and what came after it — the caller's grant on the task, the process's position —
	 * after, and failed on that (no permission, the next step's form value missing) before the engine found the task
	 * changed. Any other failure keeps its answer.
	 */
	static Response goneOr(Response answer) {
		if (answer.getStatus() < 400 || answer.getStatus() == 503
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return answer;
		}
		Matcher path = TASK_IN_PATH.matcher(attributes.getRequest().getRequestURI());
		String id = path.find() ? path.group(1) : "report";
		ProcessEngine engine = "report".equals(id) ? null : EngineUtil.lookupProcessEngine(null);
		if (engine == null) {
			return answer;
		}
		Found found = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
				.execute(context -> context.runWithoutAuthorization(() -> find(context, "task", id)));
		return found == Found.NONE ? notFound("task", id) : answer;
	}

	/**
	 * What the id names: nothing, something, or a task outside any process or case — which has no form, and for which
	 * the engine's form lookup ended in a NullPointerException, a 500. Read once, without authorization.
	 */
	private enum Found {
		NONE, FOUND, TASK_WITHOUT_PROCESS
	}

	/** Whether the caller may read the task: one who may not is answered the engine's refusal, not told it has no form. */
	private static boolean mayRead(ProcessEngine engine, String id) {
		return engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
	}

	private static Found find(CommandContext context, String resource, String id) {
		if ("task".equals(resource)) {
			TaskEntity task = context.getTaskManager().findTaskById(id);
			return task == null ? Found.NONE
					: task.getProcessDefinitionId() == null && task.getCaseDefinitionId() == null ? Found.TASK_WITHOUT_PROCESS
							: Found.FOUND;
		}
		boolean exists = switch (resource) {
			case "process-instance" -> {
				ExecutionEntity instance = context.getExecutionManager().findExecutionById(id);
				yield instance != null && instance.isProcessInstanceExecution();
			}
			case "execution" -> context.getExecutionManager().findExecutionById(id) != null;
			case "job" -> context.getJobManager().findJobById(id) != null;
			case "incident" -> context.getIncidentManager().findIncidentById(id) != null;
			default -> context.getDeploymentManager().findDeploymentById(id) != null;
		};
		return exists ? Found.FOUND : Found.NONE;
	}

}
