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
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * The engine's REST API answers some refusals that are the caller's error as 500: starting or submitting a
 * form wraps whatever the engine throws (a form value refused by its validator, an option the engine
 * refuses, a start refused by a listener) into a server error. These mappers answer such errors with the
 * status of their cause — 400 for a bad request or form value, 403 for a refusal — in the REST API's own
 * error shape, with the engine's reason. Real server errors stay 500, and no answer carries a stack trace
 * (the REST API's own handler writes type and message only).
 */
final class EngineRestErrors {

	private EngineRestErrors() {
	}

	/** The status of a user's error somewhere in the causes, or null when the error is the server's. */
	static Status userErrorStatus(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof AuthorizationException) {
				return Status.FORBIDDEN;
			}
			if (cause instanceof BadUserRequestException || cause instanceof FormException
					|| cause instanceof ParseException) {
				return Status.BAD_REQUEST;
			}
		}
		return null;
	}

	static Response answer(Throwable error, Status status) {
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
				.entity(ExceptionHandlerHelper.getInstance().fromException(error)).build();
	}

	/** Ahead of the REST API's own handler for the same type. */
	@Priority(Priorities.USER - 100)
	static final class WrappedErrors implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException e) {
			Status cause = userErrorStatus(e.getCause());
			boolean serverError = e.getStatus() == null || e.getStatus() == Status.INTERNAL_SERVER_ERROR;
			// a refusal stays a refusal even where the REST API reports it as a bad request
			if (cause == Status.FORBIDDEN || (cause != null && serverError)) {
				return answer(e, cause);
			}
			return ExceptionHandlerHelper.getInstance().getResponse(e);
		}

	}

	static final class FormErrors implements ExceptionMapper<FormException> {

		@Override
		public Response toResponse(FormException e) {
			return answer(e, Status.BAD_REQUEST);
		}

	}

}
