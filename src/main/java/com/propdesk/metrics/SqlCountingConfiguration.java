package com.propdesk.metrics;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * With {@code propdesk.metrics.sql-count=true}: the application's {@code DataSource} (the engine, the JDBC templates
 * and Flyway all use it) is wrapped so that {@link SqlStatementCounter} sees every statement, commit and rollback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "propdesk.metrics.sql-count", havingValue = "true")
class SqlCountingConfiguration {

	@Bean
	static SqlStatementCounter sqlStatementCounter() {
		return new SqlStatementCounter();
	}

	/** Static, and the counter asked for only when the data source is made: a post-processor is made before other beans. */
	@Bean
	static BeanPostProcessor countingDataSource(ObjectProvider<SqlStatementCounter> counter) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return wrap(dataSource, name, counter.getObject());
				}
				return bean;
			}

		};
	}

	static ProxyDataSource wrap(DataSource dataSource, String name, SqlStatementCounter counter) {
		return ProxyDataSourceBuilder.create(dataSource).name(name).listener(counter).methodListener(counter).build();
	}

	@Bean
	ServletListenerRegistrationBean<SqlSources> sqlSources() {
		return new ServletListenerRegistrationBean<>(new SqlSources());
	}

}
