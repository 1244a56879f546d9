package com.propdesk.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The JSON APIs ({@code /api/**}, {@code /engine-rest/**}) and {@code /actuator/**} answer with security headers and refuse
 * oversized bodies before anything reads them; the webapps have Camunda's own header filter.
 */
class ApiResponseHeaders extends OncePerRequestFilter {

	/** Larger than any case report or registry record; deployments come through multipart with its own limit. */
	static final long MAX_JSON_BODY = 64 * 1024;

	/**
	 * The managers' editors send a whole file as JSON text (to validate, try, preview or deploy it): room for a file
	 * as large as the deployment guard accepts, with its escaping; the guard then names a file that is too large.
	 */
	static final long MAX_FILE_BODY = 2L * DeploymentGuard.MAX_RESOURCE_BYTES + 64 * 1024;

	/** The endpoints that take a file's content in a JSON body. */
	static final Set<String> FILE_BODIES = Set.of("/api/manage/validation", "/api/manage/decisions/trial",
			"/api/manage/deployments/preview", "/api/manage/deployments");

	static long limit(HttpServletRequest request) {
		return FILE_BODIES.contains(request.getRequestURI()) ? MAX_FILE_BODY : MAX_JSON_BODY;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
		long limit = limit(request);
		if (!multipart && request.getContentLengthLong() > limit) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"请求过大\",\"status\":413,"
					+ "\"detail\":\"请求体超过 " + limit / 1024 + " KB\"}");
			return;
		}
		chain.doFilter(multipart ? request : new Limited(request, limit), response);
	}

	/** A body sent without a length (chunked) is cut off at the same limit while it is read. */
	static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = body.read();
					if (b >= 0 && ++read > limit) {
						throw new IOException("Request body larger than " + limit + " bytes");
					}
					return b;
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}

			};
		}

	}

}
