package com.propdesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers 429 with Retry-After, before any password is checked, while {@link LoginThrottle} makes this
 * client wait for the user it names: HTTP Basic on PropDesk's API and the engine's REST API, and the
 * webapps' login form. The throttle itself sits where the password is checked
 * ({@link PropDeskIdentityProvider}); this filter only tells the client how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final ObjectMapper objectMapper;

	LoginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper) {
		this.throttle = throttle;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoginForm(request) && !isForm(request)) {
			// the webapps' login takes a form; anything else failed deep in Jersey with an English server error
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "登录请求须以表单（application/x-www-form-urlencoded）提交用户名和密码");
			return;
		}
		String user = userOf(request);
		if (user != null) {
			Duration wait = throttle.waitFor(LoginThrottle.clientOf(request), user);
			if (!wait.isZero()) {
				tooManyTries(response, wait);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The user a request tries to log in as: its Basic credentials, or the webapps' login form. */
	static String userOf(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon > 0 ? decoded.substring(0, colon) : null;
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
		if (isLoginForm(request)) {
			return request.getParameter("username");
		}
		return null;
	}

	private static boolean isLoginForm(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	private void tooManyTries(HttpServletResponse response, Duration wait) throws IOException {
		long seconds = LoginThrottle.seconds(wait);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		refuse(response, HttpStatus.TOO_MANY_REQUESTS, "登录尝试过于频繁",
				"密码错误次数过多，请在 " + seconds + " 秒后重试（等待时间到期后自动解除，不会锁定账号）");
	}

	/**
	 * A problem+json answer; its text also as {@code message}, which the webapps' login page shows (it reads no
	 * {@code detail}).
	 */
	private void refuse(HttpServletResponse response, HttpStatus status, String title, String text) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
		problem.setTitle(title);
		problem.setProperty("message", text);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
