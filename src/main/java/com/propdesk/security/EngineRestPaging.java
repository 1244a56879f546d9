package com.propdesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a page that is not a non-negative whole number ({@code firstResult=-5}) with 400 before the
 * engine's REST API passes it to the database, which fails with a server error. The answer has the
 * engine REST API's own error shape ({@code type}, {@code message}), which Tasklist and Cockpit show.
 */
class EngineRestPaging extends OncePerRequestFilter {

	static final List<String> PAGING = List.of("firstResult", "maxResults");

	private final ObjectMapper objectMapper;

	EngineRestPaging(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// read from the query string only: reading parameters would consume a form body
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = equals < 0 ? pair : pair.substring(0, equals);
				String value = equals < 0 ? "" : pair.substring(equals + 1);
				if (PAGING.contains(name) && !value.matches("\\d{1,9}")) {
					response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
					response.setContentType(MediaType.APPLICATION_JSON_VALUE);
					response.setCharacterEncoding(StandardCharsets.UTF_8.name());
					objectMapper.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
							"message", "分页参数 " + name + " 必须是不小于 0 的整数"));
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

}
