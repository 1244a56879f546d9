package com.propdesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Every entry of the engine's user operation log — what a person did through Tasklist, Cockpit, Admin or
 * the REST API: claims, completions, variable changes, suspensions, deployments, user and authorization
 * changes — is also appended to the audit trail, in the engine command's own transaction (the engine runs
 * in Spring's transaction on the same data source, as the trail does). The engine's log is history:
 * cleanup removes it after the retention time and a database user can change it; the trail keeps it,
 * chained. Operations on a case carry its case number; others carry {@link #NO_CASE}.
 * <p>
 * The Camunda Spring Boot starter adds every {@link HistoryEventHandler} bean to the engine's custom
 * handlers, beside its own database handler: being a bean is all the registration this needs.
 */
@Component
class OperationLogTrail implements HistoryEventHandler {

	/** The kind of the trail's entries made from the operation log. */
	static final String KIND = "operation";

	/** The case number of an operation on no case (a deployment, a user, an authorization). */
	static final String NO_CASE = "-";

	private static final int MAX_DETAIL = 2000;

	private static final int MAX_VALUE = 400;

	private final AuditTrail trail;

	OperationLogTrail(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof UserOperationLogEntryEventEntity operation) {
			trail.append(OffsetDateTime.ofInstant(operation.getTimestamp().toInstant(), ZoneId.systemDefault()),
					caseNo(operation.getProcessInstanceId()), KIND, operation.getUserId(), detail(operation));
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	/** What the engine logged, in one line: operation, entity, property old → new, and the ids it concerns. */
	static String detail(UserOperationLogEntryEventEntity operation) {
		StringBuilder detail = new StringBuilder(operation.getOperationType()).append(' ').append(operation.getEntityType());
		if (operation.getProperty() != null) {
			detail.append(' ').append(operation.getProperty()).append(": ").append(cut(operation.getOrgValue())).append(" → ")
					.append(cut(operation.getNewValue()));
		}
		append(detail, "process", operation.getProcessDefinitionKey());
		append(detail, "task", operation.getTaskId());
		append(detail, "job", operation.getJobId());
		append(detail, "deployment", operation.getDeploymentId());
		append(detail, "batch", operation.getBatchId());
		append(detail, "category", operation.getCategory());
		append(detail, "operation", operation.getOperationId());
		return detail.length() <= MAX_DETAIL ? detail.toString() : detail.substring(0, MAX_DETAIL - 1) + "…";
	}

	private static void append(StringBuilder detail, String name, String value) {
		if (value != null) {
			detail.append(", ").append(name).append(' ').append(value);
		}
	}

	private static String cut(String value) {
		return value == null || value.length() <= MAX_VALUE ? String.valueOf(value) : value.substring(0, MAX_VALUE) + "…";
	}

	/**
	 * The case the operation concerns: the business key of its process instance, read from the command's
	 * own entities first (a process may have started or ended in this very command), then from history.
	 */
	private static String caseNo(String processInstanceId) {
		if (processInstanceId == null) {
			return NO_CASE;
		}
		CommandContext command = Context.getCommandContext();
		ExecutionEntity execution = command.getExecutionManager().findExecutionById(processInstanceId);
		if (execution != null && execution.getBusinessKey() != null) {
			return execution.getBusinessKey();
		}
		HistoricProcessInstanceEventEntity historic = command.getHistoricProcessInstanceManager()
				.findHistoricProcessInstanceEvent(processInstanceId);
		return historic != null && historic.getBusinessKey() != null ? historic.getBusinessKey() : NO_CASE;
	}

}
