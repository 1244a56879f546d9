package com.propdesk.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

import com.propdesk.system.DatabaseUnavailable;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.Refusal;

/**
 * The engine's REST API answers some refusals that are the caller's error as 500: starting or submitting a
 * form wraps whatever the engine throws (a form value refused by its validator, an option the engine
 * refuses, a start refused by a listener) into a server error. These mappers answer such errors with the
 * status of their cause — 400 for a bad request or form value, 403 for a refusal — in the REST API's own
 * error shape, with the engine's reason. Real server errors stay 500, and no answer carries a stack trace
 * (the REST API's own handler writes type and message only). The reason is in Chinese where the engine's English
 * one is known ({@link EngineMessages}), as are JAX-RS's own refusals and a body that is not JSON. A request on a
 * task that failed because the task ended meanwhile answers that the task is gone
 * ({@link EngineRestUnknownIds#goneOr}).
 */
final class EngineRestErrors {

	private EngineRestErrors() {
	}

	/** The status of a user's error somewhere in the causes, or null when the error is the server's. */
	static Status userErrorStatus(Throwable error) {
		Throwable cause = userError(error);
		return cause == null ? null : statusOf(cause);
	}

	/**
	 * PropDesk's own refusal among the causes, whose message is what the person reads; else the first of the
	 * causes that is the user's error; else null.
	 */
	static Throwable userError(Throwable error) {
		Throwable first = null;
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof Refusal) {
				return cause;
			}
			if (first == null && statusOf(cause) != null) {
				first = cause;
			}
		}
		return first;
	}

	private static Status statusOf(Throwable cause) {
		if (cause instanceof AuthorizationException) {
			return Status.FORBIDDEN;
		}
		if (isConcurrentInsert(cause)) {
			return Status.CONFLICT;
		}
		if (cause instanceof NotFoundException || (cause instanceof NullValueException && isNotFound(cause.getMessage()))) {
			return Status.NOT_FOUND;
		}
		if (cause instanceof BadUserRequestException || cause instanceof NullValueException || cause instanceof FormException
				|| cause instanceof ParseException
				|| cause instanceof InvalidRequestException || isRefusedDeserialization(cause)) {
			return Status.BAD_REQUEST;
		}
		// the engine reports some of a caller's errors as plain engine errors (an id of the wrong form, a password
		// the policy refuses), and the REST API's value types as illegal arguments (a file variable without its
		// name): known by their message
		if (cause instanceof ProcessEngineException || cause instanceof IllegalArgumentException) {
			return EngineMessages.of(cause.getMessage()).map(EngineMessages.Translation::status).orElse(null);
		}
		return null;
	}

	/**
	 * The engine checks the caller's ids and parameters with null-value errors: one that found nothing for an
	 * id is "not found", any other names a missing parameter.
	 */
	private static boolean isNotFound(String message) {
		String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("not found") || lower.contains("does not exist") || lower.contains("doesn't exist")
				|| lower.contains("no task") || lower.contains("cannot find") || lower.contains("couldn't find");
	}

	/**
	 * A due date recalculated for a job that is no timer event (an SLA clock's due job is the clock's own): the REST
	 * API reports the engine's refusal as its own error 500, without the engine's exception.
	 */
	private static boolean isNoTimerEvent(RestException error) {
		return error.getMessage() != null && error.getMessage().startsWith("Only timer jobs can be recalculated");
	}

	/**
	 * Two requests at once that both wrote the same row where one may be (two claims of one task both granting the
	 * claimant the task, SQL state 23505): the loser's write broke a unique key, a conflict as an optimistic lock is.
	 */
	private static boolean isConcurrentInsert(Throwable cause) {
		if (!(cause instanceof org.camunda.bpm.engine.ProcessEnginePersistenceException)) {
			return false;
		}
		for (Throwable inner = cause; inner != null; inner = inner.getCause() == inner ? null : inner.getCause()) {
			if (inner instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The answer to two requests that changed one thing at once, in the words of the engine's optimistic lock. */
	static final String CONCURRENT = "刚刚已被同时办理或修改（可能是重复提交）：请刷新后再看";

	/** Reading a variable deserialized whose type may not be deserialized: the caller asked for it. */
	private static boolean isRefusedDeserialization(Throwable cause) {
		return cause instanceof ProcessEngineException && cause.getMessage() != null
				&& cause.getMessage().startsWith("Cannot deserialize object in variable");
	}

	/** The engine's names of permissions and resources, as the staff who were refused read them. */
	private static final java.util.Map<String, String> PERMISSIONS = java.util.Map.ofEntries(
			java.util.Map.entry("READ", "查看"), java.util.Map.entry("UPDATE", "修改"), java.util.Map.entry("CREATE", "创建"),
			java.util.Map.entry("DELETE", "删除"), java.util.Map.entry("ACCESS", "访问"), java.util.Map.entry("ALL", "全部"),
			java.util.Map.entry("TASK_ASSIGN", "指派任务"), java.util.Map.entry("TASK_WORK", "办理任务"),
			java.util.Map.entry("READ_VARIABLE", "查看变量"), java.util.Map.entry("UPDATE_VARIABLE", "修改变量"),
			java.util.Map.entry("READ_TASK", "查看任务"), java.util.Map.entry("UPDATE_TASK", "修改任务"),
			java.util.Map.entry("READ_TASK_VARIABLE", "查看任务变量"), java.util.Map.entry("UPDATE_TASK_VARIABLE", "修改任务变量"),
			java.util.Map.entry("CREATE_INSTANCE", "发起实例"), java.util.Map.entry("READ_INSTANCE", "查看实例"),
			java.util.Map.entry("UPDATE_INSTANCE", "修改实例"), java.util.Map.entry("DELETE_INSTANCE", "删除实例"),
			java.util.Map.entry("UPDATE_INSTANCE_VARIABLE", "修改实例变量"), java.util.Map.entry("READ_INSTANCE_VARIABLE", "查看实例变量"),
			java.util.Map.entry("SUSPEND", "挂起"), java.util.Map.entry("SUSPEND_INSTANCE", "挂起实例"),
			java.util.Map.entry("MIGRATE_INSTANCE", "迁移实例"), java.util.Map.entry("READ_HISTORY", "查看历史"),
			java.util.Map.entry("DELETE_HISTORY", "删除历史"), java.util.Map.entry("RETRY_JOB", "重试作业"));

	private static final java.util.Map<String, String> RESOURCES = java.util.Map.ofEntries(
			java.util.Map.entry("Task", "任务"), java.util.Map.entry("ProcessInstance", "流程实例"),
			java.util.Map.entry("ProcessDefinition", "流程定义"), java.util.Map.entry("Deployment", "部署"),
			java.util.Map.entry("DecisionDefinition", "决策定义"), java.util.Map.entry("User", "用户"),
			java.util.Map.entry("Group", "组"), java.util.Map.entry("Authorization", "授权"), java.util.Map.entry("Filter", "筛选器"),
			java.util.Map.entry("Batch", "批处理"), java.util.Map.entry("Application", "应用"),
			java.util.Map.entry("HistoricTask", "历史任务"), java.util.Map.entry("HistoricProcessInstance", "历史流程实例"),
			java.util.Map.entry("Tenant", "租户"), java.util.Map.entry("System", "系统"));

	/**
	 * The engine's refusal lists the missing permissions in English with resource ids; staff read which permission
	 * they lack, in Chinese, without ids.
	 */
	static String refusalInChinese(AuthorizationException refusal) {
		var missing = refusal.getMissingAuthorizations();
		if (missing == null || missing.isEmpty()) {
			return EngineMessages.of(refusal.getMessage()).map(EngineMessages.Translation::message).orElse(refusal.getMessage());
		}
		java.util.Set<String> needed = new java.util.LinkedHashSet<>();
		for (var authorization : missing) {
			needed.add(permissionInChinese(authorization.getViolatedPermissionName(), authorization.getResourceType()));
		}
		return "没有权限：此操作需要" + String.join("或", needed) + "权限";
	}

	/** 「查看」（任务） for READ on Task. */
	static String permissionInChinese(String permission, String resourceType) {
		return "「" + PERMISSIONS.getOrDefault(permission, permission) + "」（" + RESOURCES.getOrDefault(resourceType, resourceType)
				+ "）";
	}

	/** No database connection: the engine REST API's error shape, 503 and when to try again. */
	static Response unavailable() {
		var problem = DatabaseUnavailable.problem();
		return Response.status(Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
				.header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
				.entity(java.util.Map.of("type", "DatabaseUnavailable", "message", problem.getDetail())).build();
	}

	static Response answer(Throwable error, Status status) {
		if (error instanceof AuthorizationException refusal && refusal.getMissingAuthorizations() != null
				&& !refusal.getMissingAuthorizations().isEmpty()) {
			// the REST API's own shape (user, missing authorizations for clients), the message in Chinese
			var dto = org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto.fromException(refusal);
			var entity = new java.util.LinkedHashMap<String, Object>();
			entity.put("type", dto.getType());
			entity.put("message", refusalInChinese(refusal));
			entity.put("userId", dto.getUserId());
			entity.put("missingAuthorizations", dto.getMissingAuthorizations());
			return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
		}
		if (isConcurrentInsert(error)) {
			return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
					// the engine's own code for an optimistic lock, as the REST API answers that one
					.entity(java.util.Map.of("type", "OptimisticLockingException", "message", CONCURRENT, "code",
							org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()))
					.build();
		}
		if (isRefusedDeserialization(error)) {
			return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
					.entity(java.util.Map.of("type", "InvalidRequestException", "message",
							"此变量的类型不允许反序列化读取，请用 deserializeValue=false 读取其序列化内容"))
					.build();
		}
		return inChinese(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
				.entity(ExceptionHandlerHelper.getInstance().fromException(error)).build());
	}

	/** The REST API's own answer to an error it reports itself, its message in Chinese where the engine's is known. */
	static Response passOn(Throwable error) {
		return inChinese(ExceptionHandlerHelper.getInstance().getResponse(error));
	}

	/**
	 * An answer in the REST API's shape whose message is a known English one: the Chinese, and the status that goes
	 * with it where the answer is a caller's error already (a server error stays one).
	 */
	private static Response inChinese(Response answer) {
		if (!(answer.getEntity() instanceof org.camunda.bpm.engine.rest.dto.ExceptionDto dto)) {
			return answer;
		}
		var known = EngineMessages.of(dto.getMessage());
		if (known.isEmpty()) {
			return answer;
		}
		dto.setMessage(known.get().message());
		boolean callersError = answer.getStatus() >= 400 && answer.getStatus() < 500;
		return callersError ? Response.fromResponse(answer).status(known.get().status()).build() : answer;
	}

	/** Ahead of the REST API's own handler for the same type. */
	@Priority(Priorities.USER - 100)
	static final class WrappedErrors implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException e) {
			if (DatabaseUnavailable.causes(e)) {
				return unavailable();
			}
			return EngineRestUnknownIds.goneOr(wrapped(e));
		}

		private static Response wrapped(RestException e) {
			if (isNoTimerEvent(e)) {
				return answer(e, Status.BAD_REQUEST);
			}
			Throwable cause = userError(e.getCause());
			Status status = cause == null ? null : statusOf(cause);
			boolean serverError = e.getStatus() == null || e.getStatus() == Status.INTERNAL_SERVER_ERROR;
			// a refusal stays a refusal even where the REST API reports it as a bad request, and says why in
			// the engine's words, not the REST API's guess ("Not enough parameters submitted"); PropDesk's own
			// refusal is answered with its reason alone, without "Cannot submit task form <id>: "
			if (status == Status.FORBIDDEN || cause instanceof Refusal || (status != null && serverError)) {
				return answer(cause, status);
			}
			return passOn(e);
		}

	}

	/**
	 * An engine error the REST API passes on unwrapped: a user's error among its causes answers as that.
	 * Everything else goes to the REST API's own handler (500, no stack trace).
	 */
	@Priority(Priorities.USER - 100)
	static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException e) {
			if (DatabaseUnavailable.causes(e)) {
				return unavailable();
			}
			Throwable cause = userError(e);
			return EngineRestUnknownIds.goneOr(cause != null ? answer(cause, statusOf(cause)) : passOn(e));
		}

	}

	/**
	 * Spring's own errors reaching the REST API (no connection for the command's transaction): 503 when no database
	 * connection was to be had, the REST API's answer otherwise.
	 */
	static final class SpringErrors implements ExceptionMapper<org.springframework.core.NestedRuntimeException> {

		@Override
		public Response toResponse(org.springframework.core.NestedRuntimeException e) {
			return DatabaseUnavailable.causes(e) ? unavailable() : passOn(e);
		}

	}

	/** A password check of {@code identity/verify} while the client must wait. */
	static final class TooManyTries implements ExceptionMapper<LoginThrottle.TooManyTries> {

		@Override
		public Response toResponse(LoginThrottle.TooManyTries e) {
			return Response.fromResponse(answer(e, Status.TOO_MANY_REQUESTS))
					.header("Retry-After", String.valueOf(e.seconds())).build();
		}

	}

	/**
	 * The REST API's value types refuse a value with an illegal argument (a file variable without its name): a
	 * known one is the caller's error; any other stays the server's, as the REST API answers it.
	 */
	static final class ArgumentErrors implements ExceptionMapper<IllegalArgumentException> {

		@Override
		public Response toResponse(IllegalArgumentException e) {
			Status status = statusOf(e);
			return EngineRestUnknownIds.goneOr(status == null ? passOn(e) : answer(e, status));
		}

	}

	static final class FormErrors implements ExceptionMapper<FormException> {

		@Override
		public Response toResponse(FormException e) {
			return EngineRestUnknownIds.goneOr(answer(e, Status.BAD_REQUEST));
		}

	}

	/**
	 * JAX-RS's own refusals, before any resource runs (an unknown path, a method or media type the resource does not
	 * take): the REST API writes their English reason phrase ("HTTP 405 Method Not Allowed") and drops the
	 * {@code Allow} header. Answered in Chinese with the response's own headers; one that carries its own entity is
	 * left as it is.
	 */
	@Priority(Priorities.USER - 100)
	static final class ClientErrors implements ExceptionMapper<jakarta.ws.rs.WebApplicationException> {

		@Override
		public Response toResponse(jakarta.ws.rs.WebApplicationException e) {
			Response response = e.getResponse();
			if (response.hasEntity()) {
				return response;
			}
			if (response.getStatus() >= 500) {
				return passOn(e);
			}
			return Response.fromResponse(response).type(MediaType.APPLICATION_JSON_TYPE)
					.entity(java.util.Map.of("type", e.getClass().getSimpleName(), "message", clientError(response)))
					.build();
		}

		private static String clientError(Response response) {
			return switch (response.getStatus()) {
				case 404 -> "未找到：地址或所请求的对象不存在，请检查请求的路径";
				case 405 -> "此地址不接受这种请求方法" + (response.getAllowedMethods().isEmpty() ? ""
						: "，只接受 " + String.join("、", new java.util.TreeSet<>(response.getAllowedMethods())));
				case 406 -> "无法按请求的格式（Accept）答复：此接口以 JSON（application/json）答复";
				case 415 -> "不支持此请求体格式（Content-Type）：请按此接口的要求发送，一般为 JSON（application/json）";
				case 401 -> "未登录或登录信息无效";
				case 403 -> "没有权限";
				default -> "请求无效（HTTP " + response.getStatus() + "）";
			};
		}

	}

	/**
	 * A body that is not JSON: the REST API answers 400 with an empty message, the webapps' other APIs Jackson's
	 * own text as {@code text/plain} with Java's names in it. Where it broke, in Chinese.
	 */
	@Priority(Priorities.USER - 100)
	static final class NotJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {

		@Override
		public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
			var at = e.getLocation();
			String where = at == null || at.getLineNr() < 1 ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
			return badBody("请求体不是有效的 JSON" + where + "：请检查引号、逗号和括号");
		}

	}

	/**
	 * JSON of the wrong shape (a text where a number belongs, an empty body): the field it is, without Java's names.
	 * Only input that does not fit: any other mapping error (an answer that cannot be written) is the server's.
	 */
	@Priority(Priorities.USER - 100)
	static final class WrongJson implements ExceptionMapper<com.fasterxml.jackson.databind.exc.MismatchedInputException> {

		@Override
		public Response toResponse(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
			String field = e.getPath().stream()
					.map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
					.collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
			return badBody(field.isEmpty() ? "请求体为空或不是所需的 JSON 对象" : "请求体的字段「" + field + "」格式或类型不对");
		}

	}

	private static Response badBody(String message) {
		return Response.status(Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
				.entity(java.util.Map.of("type", "InvalidRequestException", "message", message)).build();
	}

}
