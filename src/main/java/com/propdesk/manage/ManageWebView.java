package com.propdesk.manage;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.propdesk.system.PageHeaders;

/**
 * The managers' console, {@code /manage/}: static files bundled by the build from {@code src/main/frontend}
 * (bpmn-js, bpmn-js-differ and the page's own script). The page holds no data; it logs in with HTTP Basic on every
 * call to {@code /api/manage/**}, where the groups are checked, so serving it to anyone gives nothing away. Its
 * Content-Security-Policy lets it load only PropDesk's own files.
 */
@Configuration(proxyBeanMethods = false)
class ManageWebView implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/manage", "/manage/");
		registry.addViewController("/manage/").setViewName("forward:/manage/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> managePageHeaders() {
		return PageHeaders.on("manage-page-headers", "/manage", "/manage/*");
	}

}
