package com.propdesk.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tasklist sets a follow-up or due date by sending the whole task back ({@code PUT /task/{id}}), as the REST API
 * gave it — including {@code camundaFormRef}, which the REST API's reader cannot build (an interface) for any task
 * with a Camunda Form: "Cannot construct instance of CamundaFormRef", so nobody could set a date on PropDesk's
 * tasks. The form reference comes from the diagram and a task update never changes it, so it is left out of the
 * body before the REST API reads it; everything else is read as sent.
 */
class TaskUpdateBody extends OncePerRequestFilter {

	static final Pattern TASK = Pattern.compile(".*/task/[^/]+");

	private final ObjectMapper objectMapper;

	TaskUpdateBody(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"PUT".equals(request.getMethod()) || !TASK.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = EngineRestUploadLimit.Buffered.read(request);
		try {
			JsonNode task = objectMapper.readTree(body);
			if (task instanceof ObjectNode fields && fields.has("camundaFormRef")) {
				fields.remove("camundaFormRef");
				body = objectMapper.writeValueAsBytes(fields);
			}
		}
		catch (JsonProcessingException notJson) {
			// the REST API answers what it cannot read itself
		}
		chain.doFilter(new EngineRestUploadLimit.Buffered(request, body), response);
	}

}
