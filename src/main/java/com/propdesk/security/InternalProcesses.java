package com.propdesk.security;

import java.util.Deque;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Nobody starts PropDesk's internal processes ({@code owner-event}, {@code sla-clock}, anything not a case
 * type) through the engine's REST API or the webapps — administrators included, who pass every
 * authorization. A built-in start listener, which {@code skipCustomListeners} does not skip, refuses a
 * start that is a person's request itself (start, start at an activity, a message; restarts and modifications
 * are refused by {@link StaffCommandChecker}); PropDesk's
 * own starts run inside another engine command (a delegate) or outside those surfaces, and pass. The same
 * listener refuses a start from a call activity of another diagram, whoever's command or job runs it:
 * PropDesk starts its internal processes only from its own Java code, so a diagram that calls one (with the
 * calling case's variables, say to send an owner event for another case) is an abuse, not a use.
 */
final class InternalProcesses extends AbstractBpmnParseListener implements ExecutionListener {

	static final String CALLED_REFUSAL = "此流程由 PropDesk 内部启动，不能由其他流程的调用活动（callActivity）启动";

	/**
	 * The internal processes PropDesk ships in its repository beside the case types: only PropDesk deploys
	 * them (a test keeps this list equal to the repository's diagrams that are not case types).
	 */
	static final Set<String> SHIPPED = Set.of("sla-clock", "owner-event", "work-round", "work-round-planner",
			"shift-handover", "repeat-fault", "monthly-report", "elderly-visit");

	static final String REFUSAL = "此流程由 PropDesk 内部启动和管理，不能通过 REST 接口或 Tasklist 启动或修改";

	private final CaseProcesses caseProcesses;

	private final Set<String> openProcesses;

	/**
	 * @param openProcesses processes that are no case type and that people may still start and drive through the
	 *        engine's REST API ({@code propdesk.open-processes}, none by default; the benchmark's bare baseline); never
	 *        one of the shipped internal processes
	 */
	InternalProcesses(CaseProcesses caseProcesses, Set<String> openProcesses) {
		Set<String> shipped = openProcesses.stream().filter(SHIPPED::contains).collect(Collectors.toSet());
		if (!shipped.isEmpty()) {
			throw new IllegalStateException("propdesk.open-processes names PropDesk's internal processes " + shipped
					+ ": only PropDesk starts and drives them");
		}
		this.caseProcesses = caseProcesses;
		this.openProcesses = Set.copyOf(openProcesses);
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		if (isInternal(processDefinition.getKey())) {
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
		}
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (isPersonsRequest()) {
			throw new AuthorizationException(REFUSAL);
		}
		if (execution.getSuperExecution() != null) {
			throw new AuthorizationException(CALLED_REFUSAL);
		}
	}

	boolean isInternal(String processKey) {
		return !caseProcesses.keys().contains(processKey) && !openProcesses.contains(processKey);
	}

	/**
	 * True when the running engine command was called directly by a request to the engine's REST API or the
	 * webapps, not by PropDesk's code inside another command.
	 */
	static boolean isPersonsRequest() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		HttpServletRequest request = attributes.getRequest();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean engineSurface = path.startsWith("/engine-rest/") || path.startsWith("/camunda/");
		return engineSurface && CommandDepth.current() == 1;
	}

	/** How many engine commands are nested on this thread. */
	static final class CommandDepth extends Context {

		static int current() {
			Deque<CommandInvocationContext> stack = commandInvocationContextThreadLocal.get();
			return stack == null ? 0 : stack.size();
		}

	}

}
