package com.propdesk.security;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Retrying a failed job stays open to those the engine lets, but a retry is no way to move a timer: the REST API
 * takes a {@code dueDate} beside the retries ({@code PUT /job/{id}/retries}, {@code POST /job/retries},
 * {@code POST /process-instance/job-retries}) and sets it past every check of a due-date change, so a manager could
 * bring an SLA clock's breach forward, push it back or fire it at once. A retries request naming a due date is
 * refused, and so is one setting retries to 0 on many jobs at once (a batch, a job definition), which would silence
 * every job it matches (each failed job is retried, or not, on its own), and one without a whole number of retries
 * (the engine answered 500).
 */
class JobRetriesBody extends OncePerRequestFilter {

	static final Pattern RETRIES = Pattern.compile(".*/(job(-definition)?/([^/]+/)?retries|process-instance/job-retries)");

	/** Retries set on many jobs at once: all of a query's, an instance query's, a job definition's. */
	private static final Pattern BATCH = Pattern.compile(".*/(job/retries|process-instance/job-retries|job-definition/[^/]+/retries)");

	private final ObjectMapper objectMapper;

	JobRetriesBody(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("PUT".equals(request.getMethod()) || "POST".equals(request.getMethod()))
				|| !RETRIES.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = EngineRestUploadLimit.Buffered.read(request);
		try {
			JsonNode retries = objectMapper.readTree(body);
			if (retries != null && retries.has("dueDate")) {
				refuse(response, "重试作业时不能改动到期时间：定时器的到期时间由流程和 SLA 规则决定；请只设置重试次数（retries）");
				return;
			}
			if (retries != null && (!retries.path("retries").canConvertToInt() || retries.path("retries").asInt() < 0)) {
				refuse(response, "retries：请给出不小于 0 的整数重试次数");
				return;
			}
			if (retries != null && BATCH.matcher(request.getRequestURI()).matches() && retries.path("retries").asInt() == 0) {
				refuse(response, "不能批量把重试次数设为 0：匹配到的作业将不再执行；失败的作业请逐个重试");
				return;
			}
		}
		catch (JsonProcessingException notJson) {
			// the REST API answers what it cannot read itself
		}
		chain.doFilter(new EngineRestUploadLimit.Buffered(request, body), response);
	}

	private void refuse(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		objectMapper.writeValue(response.getWriter(), Map.of("type", "InvalidRequestException", "message", message));
	}

}
