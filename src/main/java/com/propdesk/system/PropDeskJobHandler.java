package com.propdesk.system;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * A kind of job of PropDesk's own, which the engine stores, acquires, locks and retries like its timers and
 * asynchronous steps — on one node or several — without a process instance waiting on it: the handler registers
 * itself with the engine (a plugin) and keeps the engine's configuration for scheduling its jobs.
 * @param <T> what a job carries, stored as its handler configuration
 */
public abstract class PropDeskJobHandler<T extends JobHandlerConfiguration> extends AbstractProcessEnginePlugin
		implements JobHandler<T> {

	private final String type;

	private ProcessEngineConfigurationImpl engine;

	protected PropDeskJobHandler(String type) {
		this.type = type;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.engine = configuration;
		if (configuration.getCustomJobHandlers() == null) {
			configuration.setCustomJobHandlers(new ArrayList<>());
		}
		configuration.getCustomJobHandlers().add(this);
	}

	@Override
	public String getType() {
		return type;
	}

	@Override
	public void onDelete(T configuration, JobEntity job) {
		// nothing is kept beside the job
	}

	protected ProcessEngineConfigurationImpl engine() {
		return engine;
	}

}
