package com.propdesk.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body limit on the engine's REST API and the webapps' API, multipart uploads (deployments)
 * included, which Spring's multipart limit does not cover there: a body with a larger Content-Length is
 * answered 413 before it is read; a body sent without a length (chunked) is read only up to the limit, and
 * answered 413 if it goes on. The limit is the deployment cap plus room for the multipart headers.
 * <p>
 * A multipart body is read here whole (it is within the limit) and parsed once with the parser the REST API
 * itself uses: one that does not parse is the caller's error and answers 400 here. Left to the REST API, the
 * webapps' copy of it answered such a body with an empty 500 that the servlet container then rendered.
 */
class EngineRestUploadLimit extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = DeploymentGuard.MAX_DEPLOYMENT_BYTES + 512 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > MAX_BODY_BYTES) {
			tooLarge(response);
			return;
		}
		boolean multipart = isMultipart(request);
		if (!multipart && (length >= 0 || !hasBody(request))) {
			chain.doFilter(request, response);
			return;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (InputStream in = request.getInputStream()) {
			byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) >= 0;) {
				body.write(buffer, 0, n);
				if (body.size() > MAX_BODY_BYTES) {
					tooLarge(response);
					return;
				}
			}
		}
		if (multipart && !parses(body.toByteArray(), request.getContentType())) {
			problem(response, HttpStatus.BAD_REQUEST, "InvalidRequestException",
					"multipart 请求体无法解析：请检查边界（boundary）和各部分的 Content-Disposition");
			return;
		}
		chain.doFilter(new Buffered(request, body.toByteArray()), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/** Whether the body is a multipart body the REST API's parser (commons-fileupload) reads to its end. */
	private static boolean parses(byte[] body, String contentType) {
		RequestContext context = new RequestContext() {

			@Override
			public String getCharacterEncoding() {
				return null;
			}

			@Override
			public String getContentType() {
				return contentType;
			}

			@Override
			public int getContentLength() {
				return body.length;
			}

			@Override
			public InputStream getInputStream() {
				return new ByteArrayInputStream(body);
			}

		};
		try {
			FileItemIterator items = new FileUpload().getItemIterator(context);
			while (items.hasNext()) {
				try (InputStream part = items.next().openStream()) {
					part.transferTo(OutputStream.nullOutputStream());
				}
			}
			return true;
		}
		catch (FileUploadException | IOException | RuntimeException e) {
			return false;
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getHeader("Transfer-Encoding") != null;
	}

	private static void tooLarge(HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "PayloadTooLarge", "请求体超过上限 " + MAX_BODY_BYTES / 1024
				+ " KB（单个部署最多 " + DeploymentGuard.MAX_DEPLOYMENT_BYTES / 1024 + " KB）");
		// out before the connection is dropped for the body nobody reads
		response.flushBuffer();
	}

	/** An error in the REST API's own shape ({@code type}, {@code message}). */
	private static void problem(HttpServletResponse response, HttpStatus status, String type, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}");
	}

	/**
	 * A body already read (a chunked body up to the limit; a task update without its form reference), handed on as
	 * if it had come with its length.
	 */
	static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		/** The whole body of a request, read once, for a filter that looks at it before the REST API does. */
		static byte[] read(HttpServletRequest request) throws IOException {
			try (var in = request.getInputStream()) {
				return in.readAllBytes();
			}
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<EngineRestUploadLimit> engineRestUploadLimit() {
			var registration = new FilterRegistrationBean<>(new EngineRestUploadLimit());
			registration.setName("engine-rest-upload-limit");
			registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
			// before authentication and anything else that could read the body
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
