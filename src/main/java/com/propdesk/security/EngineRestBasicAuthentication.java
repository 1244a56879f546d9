package com.propdesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic on the engine's REST API, as Camunda's provider does it, with a body for the 401: the REST API's error
 * shape with the reason in Chinese, where Camunda's sends an empty one (PropDesk's API answers the same case as
 * problem+json).
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

	static final String MESSAGE = "未登录，或用户名、密码不正确：请以 HTTP Basic 提供您的用户名和密码";

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		super.augmentResponseByAuthenticationChallenge(response, engine);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try {
			response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"" + MESSAGE + "\"}");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
