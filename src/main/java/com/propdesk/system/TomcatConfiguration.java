package com.propdesk.system;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat answers its own errors with {@link ProblemErrorReportValve} instead of its HTML report. */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				// runs after Spring Boot's customizer, which adds an ErrorReportValve of its own to the host
				factory.addContextCustomizers(context -> {
					Host host = (Host) context.getParent();
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemErrorReportValve());
					// the host adds its default report valve at start unless one of this class is present
					if (host instanceof StandardHost standard) {
						standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					}
				});
			}

		};
	}

}
