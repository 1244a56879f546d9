package com.propdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.system.PropDeskProperties;

/** HTTP Basic on the engine's REST API and on PropDesk's own API; the webapps keep their own login. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter("authentication-provider", EngineRestBasicAuthentication.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	/**
	 * First of all (with the headers, which it sets itself): no rule below, nor the webapps' own, reads a path whose
	 * segment carries a parameter.
	 */
	@Bean
	FilterRegistrationBean<PathParameterRefusal> pathParameterRefusal(ObjectMapper objectMapper,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		var registration = new FilterRegistrationBean<>(new PathParameterRefusal(objectMapper));
		registration.setName("path-parameter-refusal");
		// the actuator keeps its own rule: such a path answers 401 there without credentials (ActuatorAuthenticationFilter)
		registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiResponseHeaders> apiResponseHeaders() {
		var registration = new FilterRegistrationBean<>(new ApiResponseHeaders());
		registration.setName("api-response-headers");
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator", "/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Before any password is checked: PropDesk's API, the engine's REST API, the webapps' login form and the actuator. */
	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, objectMapper));
		registration.setName("login-throttle");
		registration.addUrlPatterns("/api/*", "/engine-rest/*", webapps + "/api/admin/auth/user/*", "/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineRestPaging> engineRestPaging(ObjectMapper objectMapper,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps,
			@Value("${camunda.bpm.generic-properties.properties.queryMaxResultsLimit}") int cap) {
		var registration = new FilterRegistrationBean<>(new EngineRestPaging(objectMapper, cap));
		registration.setName("engine-rest-paging");
		// the webapps call the engine through an API of their own
		registration.addUrlPatterns("/engine-rest/*", webapps + "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<JobRetriesBody> jobRetriesBody(ObjectMapper objectMapper,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		var registration = new FilterRegistrationBean<>(new JobRetriesBody(objectMapper));
		registration.setName("job-retries-body");
		registration.addUrlPatterns("/engine-rest/job/*", "/engine-rest/job-definition/*", "/engine-rest/process-instance/*",
				webapps + "/api/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
		return registration;
	}

	@Bean
	FilterRegistrationBean<TaskUpdateBody> taskUpdateBody(ObjectMapper objectMapper,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		var registration = new FilterRegistrationBean<>(new TaskUpdateBody(objectMapper));
		registration.setName("task-update-body");
		registration.addUrlPatterns("/engine-rest/task/*", webapps + "/api/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CockpitCountsCases> cockpitCountsCases(ObjectMapper objectMapper,
			CaseProcesses caseProcesses, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		var registration = new FilterRegistrationBean<>(new CockpitCountsCases(objectMapper, caseProcesses, webapps));
		registration.setName("cockpit-counts-cases");
		registration.addUrlPatterns(webapps + "/api/engine/*", webapps + "/api/cockpit/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService,
			PropDeskProperties properties, ObjectMapper objectMapper) {
		var registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identityService, properties, objectMapper));
		registration.setName("api-authentication");
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/** Metrics and Prometheus for administrators and management; health and info stay public. */
	@Bean
	FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthentication(IdentityService identityService,
			ObjectMapper objectMapper) {
		var registration = new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(identityService, objectMapper));
		registration.setName("actuator-authentication");
		registration.addUrlPatterns("/actuator/*");
		return registration;
	}

}
