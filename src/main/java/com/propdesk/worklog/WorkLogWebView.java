package com.propdesk.worklog;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.propdesk.system.PageHeaders;

/**
 * The phone page of work logs, {@code /worklog/}: static files bundled from {@code src/main/frontend}. It holds no
 * data; its calls log in with HTTP Basic, and {@code /api/worklogs/me} lets in only cleaning, engineering, security
 * and management. Photos are shown from the phone's own file before upload, as data URIs the page policy allows.
 */
@Configuration(proxyBeanMethods = false)
class WorkLogWebView implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/worklog", "/worklog/");
		registry.addViewController("/worklog/").setViewName("forward:/worklog/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> worklogPageHeaders() {
		return PageHeaders.on("worklog-page-headers", "/worklog", "/worklog/*");
	}

}
