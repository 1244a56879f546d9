package com.propdesk.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What no handler of its own answers when no database connection is to be had — the engine REST API's password check
 * (a filter before any resource), the webapps — is answered here: {@code 503} problem+json with {@code Retry-After}
 * instead of Tomcat's {@code 500}. PropDesk's API and the engine's resources answer the same themselves
 * ({@code ProblemHandling}, {@code EngineRestErrors}).
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final ObjectMapper json;

	DatabaseUnavailableFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
				throw e;
			}
			LOG.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
			response.resetBuffer();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getWriter(), DatabaseUnavailable.problem());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ObjectMapper json,
				@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
			var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(json));
			registration.setName("database-unavailable");
			// the webapps' pages too: their filter asks the database whether an initial user is needed before any page
			registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/*", "/actuator/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}
