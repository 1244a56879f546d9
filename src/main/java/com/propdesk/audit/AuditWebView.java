package com.propdesk.audit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditors' web view, {@code /audit/}: static files bundled by the build from
 * {@code src/main/frontend} (bpmn-js and the view's own script). The page itself holds no data; it logs
 * in with HTTP Basic on every call to {@code /api/audit/**}, where the groups are checked, so serving it
 * to anyone gives nothing away. Everything it loads comes from PropDesk itself, which its
 * Content-Security-Policy enforces.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebView implements WebMvcConfigurer {

	/**
	 * Scripts only from PropDesk; styles may be inline because bpmn-js sets style attributes on the
	 * diagram it draws; fonts and images may be data URIs, as bpmn-js's stylesheet embeds them.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/audit", "/audit/");
		registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> auditPageHeaders() {
		Filter headers = (request, response, chain) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("X-Frame-Options", "DENY");
			http.setHeader("Referrer-Policy", "no-referrer");
			// the bundle's name does not change between builds, so the browser asks again each time
			http.setHeader("Cache-Control", "no-cache");
			chain.doFilter(request, response);
		};
		var registration = new FilterRegistrationBean<>(headers);
		registration.setName("audit-page-headers");
		registration.addUrlPatterns("/audit", "/audit/*");
		return registration;
	}

}
