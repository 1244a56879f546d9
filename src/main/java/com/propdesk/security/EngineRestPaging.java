package com.propdesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses a page that is not a non-negative whole number ({@code firstResult=-5}) with 400 before the
 * engine's REST API passes it to the database, which fails with a server error. The answer has the
 * engine REST API's own error shape ({@code type}, {@code message}), which Tasklist and Cockpit show.
 * <p>
 * The engine refuses every list that names no page (its result cap), and so refused Cockpit's version picker,
 * which lists a definition's versions without one, and its dashboard's statistics per definition. A list of process
 * or decision definitions, or of their statistics, that names no {@code maxResults} gets the cap as its page
 * instead: at most that many rows (one per definition version), for Cockpit and any other caller alike; no list
 * becomes unbounded.
 */
class EngineRestPaging extends OncePerRequestFilter {

	static final List<String> PAGING = List.of("firstResult", "maxResults");

	/**
	 * The lists of definitions (Cockpit's version pickers) on the engine REST API and the webapps' own, and Cockpit's
	 * statistics per definition (its dashboard).
	 */
	static final Pattern DEFINITION_LISTS = Pattern.compile(".*/(process|decision)-definition(/statistics)?");

	private final ObjectMapper objectMapper;

	private final int cap;

	EngineRestPaging(ObjectMapper objectMapper, int cap) {
		this.objectMapper = objectMapper;
		this.cap = cap;
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
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("GET".equals(request.getMethod()) && DEFINITION_LISTS.matcher(path).matches()
				&& (query == null || !query.matches("(.*&)?maxResults=.*"))) {
			chain.doFilter(new PagedAtCap(request, cap), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The request with {@code maxResults} set to the cap, in its query string and its parameters. */
	static final class PagedAtCap extends HttpServletRequestWrapper {

		private final String cap;

		PagedAtCap(HttpServletRequest request, int cap) {
			super(request);
			this.cap = String.valueOf(cap);
		}

		@Override
		public String getQueryString() {
			String query = super.getQueryString();
			return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + cap;
		}

		@Override
		public String getParameter(String name) {
			return "maxResults".equals(name) ? cap : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.put("maxResults", new String[] { cap });
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return "maxResults".equals(name) ? new String[] { cap } : super.getParameterValues(name);
		}

	}

}
