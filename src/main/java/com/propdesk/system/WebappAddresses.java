package com.propdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' pages ({@code /camunda/app/{app}/{engine}/}). A mistyped address — {@code /camunda/app/cockpit/nope/},
 * an app that does not exist, a folder of an app's files — is "not found": Camunda's webapps take the second segment
 * for the engine's name and, for an engine they do not know, failed with a server error (a NullPointerException in
 * their index page). A segment with a dot is one of the app's files ({@code camunda-tasklist-bootstrap.js}), served
 * or refused by the webapps themselves. An app's page says it is Chinese: {@code <html lang="zh-CN">}, a Chinese title
 * and UTF-8, where Camunda's say {@code lang="en"} and "Camunda Tasklist" (a browser offered to translate the page
 * "from English", and the tab showed the English title until the scripts ran).
 */
@Configuration(proxyBeanMethods = false)
class WebappAddresses {

	/** The apps, with their names as PropDesk's Chinese header shows them ({@code app/propdesk/zh.js}). */
	static final Map<String, String> APPS = Map.of("tasklist", "任务", "cockpit", "监控", "admin", "系统管理", "welcome",
			"首页");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappPages(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		Pattern indexPage = Pattern.compile(Pattern.quote(webapps) + "/app/([^/]+)/([^/.]+)/?(?:index\\.html)?");
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher page = indexPage.matcher(request.getRequestURI());
				if (!page.matches()) {
					chain.doFilter(request, response);
					return;
				}
				if (!APPS.containsKey(page.group(1)) || !page.group(2).equals(engine.getName())) {
					response.sendError(HttpServletResponse.SC_NOT_FOUND);
					return;
				}
				var written = new ContentCachingResponseWrapper(response);
				chain.doFilter(request, written);
				String type = written.getContentType();
				if (written.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")) {
					// Camunda's pages are ASCII with <meta charset="utf-8"> and sent without a charset; now they carry UTF-8
					String html = new String(written.getContentAsByteArray(), StandardCharsets.UTF_8)
							.replaceFirst("<html lang=\"en\">", "<html lang=\"zh-CN\">")
							.replaceFirst("<title>Camunda [A-Za-z]+</title>",
									"<title>" + APPS.get(page.group(1)) + " · PropDesk</title>");
					written.resetBuffer();
					written.setCharacterEncoding(StandardCharsets.UTF_8.name());
					written.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
				}
				written.copyBodyToResponse();
			}

		});
		registration.setName("webapp-pages");
		registration.addUrlPatterns(webapps + "/app/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
