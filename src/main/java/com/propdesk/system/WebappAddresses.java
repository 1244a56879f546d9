package com.propdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The webapps' addresses and pages: a mistyped address is "not found", and each app's page says it is Chinese.
 */
@Configuration(proxyBeanMethods = false)
class WebappAddresses {

	static final Set<String> APPS = Set.of("cockpit", "admin", "tasklist", "welcome");

	/** An app's page: {@code /camunda/app/{app}/{engine}/}; a segment with a dot is one of the app's files instead. */
	static Pattern indexPage(String webapps) {
		return Pattern.compile(Pattern.quote(webapps) + "/app/([^/]+)/([^/.]+)/?(?:index\\.html)?");
	}

	/**
	 * A mistyped webapp address — {@code /camunda/app/cockpit/nope/}, an app that does not exist, a folder of an app's
	 * files — is "not found". Camunda's webapps take the second segment for the engine's name and, for an engine they
	 * do not know, fail with a server error (a NullPointerException in their index page). A segment with a dot is one
	 * of the app's files ({@code camunda-tasklist-bootstrap.js}), served or refused by the webapps themselves.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> unknownWebappPages(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		Pattern indexPage = indexPage(webapps);
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

	/** The apps' names as PropDesk's Chinese header shows them ({@code app/propdesk/zh.js}). */
	static final Map<String, String> TITLES = Map.of("tasklist", "任务", "cockpit", "监控", "admin", "系统管理", "welcome",
			"首页");

	/**
	 * The apps' pages are written in Chinese, so they say so: {@code <html lang="zh-CN">} and a Chinese title, where
	 * Camunda's say {@code lang="en"} and "Camunda Tasklist" (a browser offered to translate the page "from English",
	 * and the tab showed the English title until the scripts ran).
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappPagesInChinese(ProcessEngine engine,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
		Pattern indexPage = indexPage(webapps);
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Matcher page = indexPage.matcher(request.getRequestURI());
				if (!page.matches() || !TITLES.containsKey(page.group(1))) {
					chain.doFilter(request, response);
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
									"<title>" + TITLES.get(page.group(1)) + " · PropDesk</title>");
					written.resetBuffer();
					written.setCharacterEncoding(StandardCharsets.UTF_8.name());
					written.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
				}
				written.copyBodyToResponse();
			}

		});
		registration.setName("webapp-pages-in-chinese");
		registration.addUrlPatterns(webapps + "/app/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

}
