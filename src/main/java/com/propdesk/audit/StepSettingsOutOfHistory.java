package com.propdesk.audit;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * A step's settings written in its diagram as fixed text (the clock a {@code startSlaClock} task starts, {@code sla} =
 * {@code repair-response}; the event a {@code publishOwnerEvent} task publishes) become local variables of the step
 * while it runs, and at history level FULL each left a variable and a variable update in history — two rows per
 * setting, about a dozen per repair intake, which the auditors' case history then listed as changes of the case
 * ("sla: — → repair-response"). They are the diagram's, which history keeps by its version; their variables now leave
 * no history rows. A setting computed from the case (an expression such as {@code ${pauseReasonLabel}}) is the case's
 * and keeps its history, as does every other variable.
 */
@Component
class StepSettingsOutOfHistory extends AbstractProcessEnginePlugin {

	/** After {@code init}: the engine has built its handler (the database's and the custom ones) by then. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		HistoryEventHandler handler = configuration.getHistoryEventHandler();
		configuration.setHistoryEventHandler(new HistoryEventHandler() {

			@Override
			public void handleEvent(HistoryEvent event) {
				if (!isFixedStepSetting(event)) {
					handler.handleEvent(event);
				}
			}

			@Override
			public void handleEvents(List<HistoryEvent> events) {
				List<HistoryEvent> kept = events.stream().filter(event -> !isFixedStepSetting(event)).toList();
				if (!kept.isEmpty()) {
					handler.handleEvents(kept);
				}
			}

		});
	}

	/**
	 * A variable of a step's own scope named as one of the step's input parameters whose value is fixed: text without an
	 * expression (the engine reads such text as a literal expression, not dynamic).
	 */
	static boolean isFixedStepSetting(HistoryEvent event) {
		if (!(event instanceof HistoricVariableUpdateEventEntity variable) || variable.getProcessDefinitionId() == null) {
			return false;
		}
		String stepId = stepOf(variable);
		if (stepId == null) {
			return false;
		}
		ProcessDefinitionEntity definition;
		try {
			definition = Context.getProcessEngineConfiguration().getDeploymentCache()
					.findDeployedProcessDefinitionById(variable.getProcessDefinitionId());
		}
		catch (ProcessEngineException definitionGone) {
			// a version being deleted with its instances: their history is written as the engine writes it
			return false;
		}
		ActivityImpl step = definition.findActivity(stepId);
		IoMapping mapping = step == null ? null : step.getIoMapping();
		return mapping != null && mapping.getInputParameters().stream().anyMatch(
				input -> input.getName().equals(variable.getVariableName())
						&& !input.getValueProvider().isDynamic());
	}

	/**
	 * The step whose own scope holds the variable, or null for the instance's variables. The engine numbers a step's
	 * run {@code stepId:number}, or with the number alone where the two would exceed 64 characters
	 * ({@code Task_StartInvestigationClock}); then the step is the one its execution is in on that run.
	 */
	private static String stepOf(HistoricVariableUpdateEventEntity variable) {
		String scope = variable.getScopeActivityInstanceId();
		if (scope == null || scope.equals(variable.getProcessInstanceId())) {
			return null;
		}
		int colon = scope.indexOf(':');
		if (colon > 0) {
			return scope.substring(0, colon);
		}
		ExecutionEntity execution = Context.getCommandContext().getDbEntityManager().getCachedEntity(ExecutionEntity.class,
				variable.getExecutionId());
		return execution != null && scope.equals(execution.getActivityInstanceId()) ? execution.getActivityId() : null;
	}

}
