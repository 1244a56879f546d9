package com.propdesk.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * What staff may do in the engine beyond what authorizations express (see {@link StaffCommandChecker},
 * {@link StaffTaskService}, {@link StaffSubmissions}, {@link InternalProcesses}, {@link PropDeskIdentityProvider}),
 * and one setting:
 * a task's assignee and candidate groups get the right to work it ({@code TASK_WORK}: claim, complete),
 * not the engine's default {@code UPDATE}, which also let them change variables, reassign the task to
 * another department and add candidate groups.
 */
@Component
class EngineRules extends AbstractProcessEnginePlugin {

	private final LoginThrottle throttle;

	private final CaseProcesses caseProcesses;

	EngineRules(LoginThrottle throttle, CaseProcesses caseProcesses) {
		this.throttle = throttle;
		this.caseProcesses = caseProcesses;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new PropDeskIdentityProvider.Factory(throttle));
		configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
		InternalProcesses internalProcesses = new InternalProcesses(caseProcesses);
		configuration.setCommandCheckers(new ArrayList<>(List.of(new StaffCommandChecker(internalProcesses),
				new TenantCommandChecker())));
		configuration.setTaskService(new StaffTaskService());
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		interceptors.add(new StaffSubmissions());
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		parseListeners.add(internalProcesses);
		configuration.setCustomPreBPMNParseListeners(parseListeners);
	}

}
