package com.propdesk.metrics;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.propdesk.system.AfterCommit;
import com.propdesk.system.UserTaskListeners;

/** {@value #NAME}: user tasks completed, by process (definition key) and task (its id in the diagram), once committed. */
@Component
// the listener is not the bean itself: a bean that is a listener is one a diagram may name (the deployment guard's
// allowed beans), and this one is added to every user task already
class TaskCompletions extends AbstractProcessEnginePlugin {

	static final String NAME = "propdesk.tasks.completed";

	/** Asked for at the first completion: the engine's plugins are made before the meter registry. */
	private final ObjectProvider<MeterRegistry> registry;

	TaskCompletions(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserTaskListeners.onComplete(configuration, this::completed);
	}

	private void completed(DelegateTask task) {
		String process = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
		String taskKey = task.getTaskDefinitionKey();
		AfterCommit.run(() -> Counter.builder(NAME).description("User tasks completed").tag("process", process)
				.tag("task", taskKey).register(registry.getObject()).increment());
	}

}
