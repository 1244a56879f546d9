package com.propdesk.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's task table in the order PropDesk's Tasklist filters list tasks (due soonest, then the
 * most urgent, then the newest): a department's 本部门待办 reads its first page from the index instead of sorting
 * every task it may see. With 100,000 open tasks on PostgreSQL that page's query took 300 ms, sorting on disk, and
 * 5 ms with the index (55 to 80 ms where PostgreSQL plans it with parallel workers). Created after the engine has made or updated its schema, once (a node starting on PostgreSQL
 * holds {@link StartupLock} meanwhile); the engine's own schema updates leave an index of another name alone.
 */
@Component
class TaskListIndex extends AbstractProcessEnginePlugin {

	static final String NAME = "PD_IDX_TASK_LIST_ORDER";

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
				.getProcessEngineConfiguration();
		String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
		new JdbcTemplate(configuration.getDataSource()).execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + table
				+ " (DUE_DATE_, PRIORITY_ DESC, CREATE_TIME_ DESC)");
	}

}
