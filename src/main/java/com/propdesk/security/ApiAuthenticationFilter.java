package com.propdesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.system.PropDeskProperties;

/**
 * Authenticates every call of {@code /api/**}: staff with HTTP Basic against Camunda's identity
 * service (and the user is set on the engine for the call, so history names who acted), channel
 * systems with {@code X-Api-Key}, owners with their case's tracking token; a GET also with the session of a user
 * logged in to the Camunda webapps. Anything else is 401.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final String API_KEY = "X-Api-Key";

	static final String TRACKING_TOKEN = "X-Tracking-Token";

	private static final String ENGINE = "default";

	private final IdentityService identityService;

	private final PropDeskProperties properties;

	private final ObjectMapper objectMapper;

	ApiAuthenticationFilter(IdentityService identityService, PropDeskProperties properties, ObjectMapper objectMapper) {
		this.identityService = identityService;
		this.properties = properties;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		String apiKey = request.getHeader(API_KEY);
		String token = request.getHeader(TRACKING_TOKEN) != null ? request.getHeader(TRACKING_TOKEN)
				: request.getParameter("token");

		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			Caller.Staff staff = staff(identityService, authorization.substring(6).trim());
			if (staff == null) {
				unauthorized(response, "用户名或密码错误");
				return;
			}
			asStaff(staff, request, response, chain);
			return;
		}
		if (apiKey != null) {
			Set<String> channels = channelsOf(apiKey);
			if (channels.isEmpty()) {
				unauthorized(response, "API 密钥无效");
				return;
			}
			request.setAttribute(Caller.ATTRIBUTE, new Caller.Channel(channels));
		}
		else if (token != null && !token.isBlank()) {
			request.setAttribute(Caller.ATTRIBUTE, new Caller.Owner(token));
		}
		else if (webappUser(request) instanceof UserAuthentication user) {
			// reading only: a cross-site page can send the cookie but not read the answer, and changes nothing
			asStaff(new Caller.Staff(user.getIdentityId(), user.getGroupIds()), request, response, chain);
			return;
		}
		else {
			unauthorized(response, "需要身份验证：工作人员使用 HTTP Basic，渠道系统使用 X-Api-Key，业主使用跟踪令牌");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The call runs as the staff member, on the engine too, so history names who acted. */
	private void asStaff(Caller.Staff staff, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		request.setAttribute(Caller.ATTRIBUTE, staff);
		identityService.setAuthentication(staff.userId(), staff.groups());
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/**
	 * The user logged in to the Camunda webapps in this browser session (Tasklist reads a case's receipt so), for a
	 * GET only; null otherwise.
	 */
	private static Authentication webappUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (!"GET".equals(request.getMethod()) || session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		return authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
	}

	/** The staff member whose Basic credentials ({@code user:password} in Base64) these are; null if they are wrong. */
	static Caller.Staff staff(IdentityService identityService, String encoded) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String user = decoded.substring(0, colon);
		if (!identityService.checkPassword(user, decoded.substring(colon + 1))) {
			return null;
		}
		var groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		return new Caller.Staff(user, groups);
	}

	private Set<String> channelsOf(String apiKey) {
		byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
		Set<String> channels = new TreeSet<>();
		properties.channels().forEach((channel, settings) -> {
			if (settings.apiKey() != null && !settings.apiKey().isBlank()
					&& MessageDigest.isEqual(given, settings.apiKey().getBytes(StandardCharsets.UTF_8))) {
				channels.add(channel);
			}
		});
		return channels;
	}

	private void unauthorized(HttpServletResponse response, String detail) throws IOException {
		unauthorized(objectMapper, response, detail);
	}

	/** 401 with a Basic challenge, as problem+json. */
	static void unauthorized(ObjectMapper objectMapper, HttpServletResponse response, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("未通过身份验证");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Basic realm=\"PropDesk\", charset=\"UTF-8\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
