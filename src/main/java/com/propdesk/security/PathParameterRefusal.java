package com.propdesk.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.ProblemHandling;

/**
 * A path with a parameter in one of its segments ({@code /plugin;x/…}, {@code /statistics;a=b}) is refused on PropDesk's
 * API, the engine's REST API and the webapps' APIs before any other rule reads it. The servlet container, JAX-RS and Spring match a resource without the parameter,
 * but a rule that compares the path as sent does not: with {@code ;x} after {@code plugin}, Camunda's own webapp
 * rules let an anonymous caller read Cockpit's plugin API (every definition's running and incident counts, incident
 * messages), and PropDesk's check of the statistics paths let departments count every running case. No client of
 * these APIs sends one (session ids travel in cookies), so the answer is 400, naming the path.
 */
class PathParameterRefusal extends OncePerRequestFilter {

	static final String REASON = "路径中不允许带分号（;）的参数";

	private final ObjectMapper objectMapper;

	PathParameterRefusal(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (path.indexOf(';') >= 0 || path.toLowerCase(Locale.ROOT).contains("%3b")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			objectMapper.writeValue(response.getOutputStream(),
					ProblemHandling.invalidProblem(java.util.List.of(new FieldProblem("path", REASON))));
			return;
		}
		chain.doFilter(request, response);
	}

}
