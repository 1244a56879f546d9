package com.propdesk.audit;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.propdesk.system.PageHeaders;

/**
 * The auditors' web view, {@code /audit/}: static files bundled by the build from
 * {@code src/main/frontend} (bpmn-js and the view's own script). The page itself holds no data; it logs
 * in with HTTP Basic on every call to {@code /api/audit/**}, where the groups are checked, so serving it
 * to anyone gives nothing away. Everything it loads comes from PropDesk itself, which its
 * Content-Security-Policy enforces.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebView implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/audit", "/audit/");
		registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> auditPageHeaders() {
		return PageHeaders.on("audit-page-headers", "/audit", "/audit/*");
	}

}
