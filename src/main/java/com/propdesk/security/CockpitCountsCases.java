package com.propdesk.security;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cockpit's dashboard adds up the running instances of every process definition, so PropDesk's internal
 * processes — an SLA clock per deadline, a notification per owner event, three or four per case — outnumbered
 * the cases operators came to count. In the statistics per definition that the webapps read through their own APIs, an internal process keeps its incidents and failed jobs (a notification that could not be delivered
 * is still there to see) but counts no running instances. The engine REST API ({@code /engine-rest}) answers
 * unchanged.
 */
class CockpitCountsCases extends OncePerRequestFilter {

	/**
	 * The statistics per process definition, from Cockpit's own plugin API (its dashboard reads them there) and
	 * from the webapps' engine API.
	 */
	static final Pattern STATISTICS = Pattern
			.compile("/api/(engine/engine|cockpit/plugin/base)/[^/]+/process-definition/statistics");

	private final ObjectMapper objectMapper;

	private final CaseProcesses caseProcesses;

	private final String webapps;

	CockpitCountsCases(ObjectMapper objectMapper, CaseProcesses caseProcesses, String webapps) {
		this.objectMapper = objectMapper;
		this.caseProcesses = caseProcesses;
		this.webapps = webapps;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"GET".equals(request.getMethod()) || !path.startsWith(webapps)
				|| !STATISTICS.matcher(path.substring(webapps.length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		if (answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0) {
			JsonNode statistics = objectMapper.readTree(answer.getContentAsByteArray());
			if (statistics.isArray()) {
				for (JsonNode definition : statistics) {
					String key = definition.has("definition") ? definition.path("definition").path("key").asText(null)
							: definition.path("key").asText(null);
					if (key != null && !caseProcesses.keys().contains(key) && definition instanceof ObjectNode counts) {
						counts.put("instances", 0);
					}
				}
				answer.resetBuffer();
				objectMapper.writeValue(answer.getOutputStream(), statistics);
			}
		}
		answer.copyBodyToResponse();
	}

}
