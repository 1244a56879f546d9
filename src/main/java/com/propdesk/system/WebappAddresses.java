package com.propdesk.system;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A mistyped webapp address — {@code /camunda/app/cockpit/nope/}, an app that does not exist, a folder of an app's
 * files — is "not found". Camunda's webapps take the second segment for the engine's name and, for an engine they do
 * not know, fail with a server error (a NullPointerException in their index page). A segment with a dot is one of
 * the app's files ({@code camunda-tasklist-bootstrap.js}), served or refused by the webapps themselves.
 */
@Configuration(proxyBeanMethods = false)
class WebappAddresses {

	static final Set<String> APPS = Set.of("cockpit", "admin", "tasklist", "welcome");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> unknownWebappPages(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		Pattern indexPage = Pattern.compile(Pattern.quote(webapps) + "/app/([^/]+)/([^/.]+)/?(?:index\\.html)?");
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher page = indexPage.matcher(request.getRequestURI());
				if (page.matches() && !(APPS.contains(page.group(1)) && page.group(2).equals(engine.getName()))) {
					response.sendError(HttpServletResponse.SC_NOT_FOUND);
					return;
				}
				chain.doFilter(request, response);
			}

		});
		registration.setName("unknown-webapp-pages");
		registration.addUrlPatterns(webapps + "/app/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
