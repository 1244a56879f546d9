package com.propdesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /actuator/**} beyond {@code health} and {@code info} (metrics, Prometheus) only for administrators and
 * management, with HTTP Basic checked against Camunda's identity service (throttled like every other password):
 * the meters name endpoints, processes, tasks and the database's load. No user is set on the engine: the job
 * gauges count every job.
 */
class ActuatorAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	private final ObjectMapper objectMapper;

	ActuatorAuthenticationFilter(IdentityService identityService, ObjectMapper objectMapper) {
		this.identityService = identityService;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// public only when the path as sent and the path as the container resolved it (dot segments, ;parameters) agree
		String resolved = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (isPublic(request.getRequestURI().substring(request.getContextPath().length())) && isPublic(resolved)) {
			chain.doFilter(request, response);
			return;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			ApiAuthenticationFilter.unauthorized(objectMapper, response, "运行指标仅限系统管理员和管理层（HTTP Basic）");
			return;
		}
		Caller.Staff staff = ApiAuthenticationFilter.staff(identityService, authorization.substring(6).trim());
		if (staff == null) {
			ApiAuthenticationFilter.unauthorized(objectMapper, response, "用户名或密码错误");
			return;
		}
		if (!staff.isIn(Groups.CAMUNDA_ADMIN, Groups.MANAGEMENT)) {
			forbidden(response);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isPublic(String path) {
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
	}

	private void forbidden(HttpServletResponse response) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"运行指标仅限系统管理员（" + Groups.CAMUNDA_ADMIN + "）和" + Groups.label(Groups.MANAGEMENT));
		problem.setTitle("无权访问");
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
