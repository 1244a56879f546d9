package com.propdesk.desk;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.propdesk.system.PageHeaders;

/**
 * The service desk's console, {@code /desk/}: static files bundled by the build from {@code src/main/frontend}.
 * The page holds no data; it logs in with HTTP Basic on every call to the API, where the groups are checked, so
 * serving it to anyone gives nothing away. Its Content-Security-Policy lets it load only PropDesk's own files.
 */
@Configuration(proxyBeanMethods = false)
class DeskWebView implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/desk", "/desk/");
		registry.addViewController("/desk/").setViewName("forward:/desk/index.html");
	}

	@Bean
	FilterRegistrationBean<Filter> deskPageHeaders() {
		return PageHeaders.on("desk-page-headers", "/desk", "/desk/*");
	}

}
