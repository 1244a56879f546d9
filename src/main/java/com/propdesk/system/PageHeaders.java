package com.propdesk.system;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The headers of PropDesk's own static pages (the auditors' view, Swagger UI): they load nothing from outside
 * PropDesk, are never framed or sniffed, and are asked for again on every visit, because their file names do not
 * change between builds.
 */
public final class PageHeaders {

	/**
	 * Scripts only from PropDesk; styles may be inline, as bpmn-js and Swagger UI set style attributes; fonts and
	 * images may be data URIs, as their stylesheets embed them.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	private PageHeaders() {
	}

	/** A filter named {@code name} that sets these headers on the given URL patterns. */
	public static FilterRegistrationBean<Filter> on(String name, String... urlPatterns) {
		Filter headers = (request, response, chain) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("X-Frame-Options", "DENY");
			http.setHeader("Referrer-Policy", "no-referrer");
			http.setHeader("Cache-Control", "no-cache");
			chain.doFilter(request, response);
		};
		var registration = new FilterRegistrationBean<>(headers);
		registration.setName(name);
		registration.addUrlPatterns(urlPatterns);
		return registration;
	}

}
