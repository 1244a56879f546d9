package com.propdesk.security;

import java.io.IOException;

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
 * The JSON APIs ({@code /api/**}, {@code /engine-rest/**}) answer with security headers and refuse
 * oversized bodies before anything reads them; the webapps have Camunda's own header filter.
 */
class ApiResponseHeaders extends OncePerRequestFilter {

	/** Larger than any case report or registry record; deployments come through multipart with its own limit. */
	static final long MAX_JSON_BODY = 64 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
		if (!multipart && request.getContentLengthLong() > MAX_JSON_BODY) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"请求过大\",\"status\":413,"
					+ "\"detail\":\"请求体超过 " + MAX_JSON_BODY / 1024 + " KB\"}");
			return;
		}
		chain.doFilter(multipart ? request : new Limited(request), response);
	}

	/** A body sent without a length (chunked) is cut off at the same limit while it is read. */
	static final class Limited extends HttpServletRequestWrapper {

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = body.read();
					if (b >= 0 && ++read > MAX_JSON_BODY) {
						throw new IOException("Request body larger than " + MAX_JSON_BODY + " bytes");
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
