package com.propdesk.system;

import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

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

	/**
	 * Schedules a job of this kind under an internal process ({@link #listedUnder}) in the caller's transaction: due
	 * now ({@code due} null: a message the job executor takes once the transaction commits) or at {@code due}. Jobs of
	 * this kind are independent of each other and of any instance: the engine runs the exclusive jobs of one process
	 * instance one after the other on one thread, and takes every job without an instance for the same one.
	 */
	protected void scheduleListedUnder(String processKey, T configuration, Date due) {
		scheduleListedUnder(processKey, configuration, due, null);
	}

	/** As {@link #scheduleListedUnder(String, JobHandlerConfiguration, Date)}, with the job's retries when it fails. */
	protected void scheduleListedUnder(String processKey, T configuration, Date due, Integer retries) {
		engine.getCommandExecutorTxRequired().execute(context -> {
			JobEntity job = listedUnder(processKey,
					due == null ? new MessageEntity()
							: new TimerEntity(),
					configuration, context);
			job.setExclusive(false);
			if (retries != null) {
				job.setRetries(retries);
			}
			if (due == null) {
				context.getJobManager().send((MessageEntity) job);
			}
			else {
				job.setDuedate(due);
				context.getJobManager().schedule((TimerEntity) job);
			}
			return null;
		});
	}

	/**
	 * A new job of this kind carrying the configuration, listed under the latest version of an internal process though
	 * no instance of it waits on the job: Cockpit shows it there, the engine checks who may read or change it as for
	 * that process, and PropDesk lets no person move, fire or suspend it.
	 */
	protected <J extends JobEntity> J listedUnder(String processKey, J job, T configuration, CommandContext context) {
		ProcessDefinitionEntity process = context.getProcessEngineConfiguration().getDeploymentCache()
				.findDeployedLatestProcessDefinitionByKey(processKey);
		job.setProcessDefinitionId(process.getId());
		job.setProcessDefinitionKey(process.getKey());
		job.setJobHandlerType(type);
		job.setJobHandlerConfiguration(configuration);
		return job;
	}

}
