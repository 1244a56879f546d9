package com.propdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.propdesk.system.TextRules.Lines;

/**
 * Query parameters and path variables of {@code /api} follow the same text rules as request bodies: a control
 * character in one (a NUL fails a PostgreSQL query) is refused, naming the parameter, before any handler runs.
 */
@Configuration(proxyBeanMethods = false)
class ParameterHygiene implements WebMvcConfigurer {

	/** Longer than any code or search text of the API; the whole request line is limited by Tomcat anyway. */
	private static final int MAX = 2000;

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				List<FieldProblem> problems = new ArrayList<>();
				request.getParameterMap().forEach((name, values) -> {
					for (String value : values) {
						TextRules.optional(problems, name, value, Lines.ONE, MAX);
					}
				});
				if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
					variables.forEach((name, value) -> TextRules.optional(problems, String.valueOf(name),
							String.valueOf(value), Lines.ONE, MAX));
				}
				if (!problems.isEmpty()) {
					throw new InvalidRequestException(problems);
				}
				return true;
			}

		}).addPathPatterns("/api/**");
	}

}
