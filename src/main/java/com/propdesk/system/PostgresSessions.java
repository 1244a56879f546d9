package com.propdesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * PropDesk's PostgreSQL sessions plan without materializing a nested loop's inner side ({@code enable_material}
 * off). Camunda's authorization check joins each task to the user's grants on {@code RESOURCE_ID_ IN (task id,
 * definition key, '*')}; with a grant per task (a department's candidate tasks), PostgreSQL planned that join as a
 * loop over a materialized list of every grant for every task — the department's task list grew with the square of
 * its tasks (5,000 tasks: 9.2 s at the 95th percentile in bench/run). Without materialization it looks the grant up
 * by its resource id for each task (5,000 tasks: 0.56 s), and the benchmark's other steps did not change. Set on each
 * pooled connection when it opens (a connection init SQL of the operator's own is left as it is).
 */
@Component
class PostgresSessions implements BeanPostProcessor, PriorityOrdered {

	static final String SETTINGS = "SET enable_material = off";

	private static final Logger log = LoggerFactory.getLogger(PostgresSessions.class);

	/** Before {@code StartupLock} and the SQL counter take or wrap the pool: its settings are sealed once it opens. */
	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
				&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			if (pool.getConnectionInitSql() == null) {
				pool.setConnectionInitSql(SETTINGS);
			}
			else {
				log.warn("spring.datasource.hikari.connection-init-sql is set, so PropDesk's '{}' is not: the "
						+ "departments' task lists may slow down with many open tasks", SETTINGS);
			}
		}
		return bean;
	}

}
