package com.propdesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.propdesk.system.EngineSessions;
import com.propdesk.system.FormFacts;
import com.propdesk.system.FormOptions;

/**
 * What staff may do in the engine beyond what authorizations express (see {@link StaffCommandChecker},
 * {@link StaffTaskService}, {@link StaffSubmissions}, {@link InternalProcesses}, {@link PropDeskIdentityProvider}),
 * forms served with today's options ({@link FormsWithOptions}), and one setting:
 * a task's assignee and candidate groups get the right to work it ({@code TASK_WORK}: claim, complete),
 * not the engine's default {@code UPDATE}, which also let them change variables, reassign the task to
 * another department and add candidate groups ({@link NewTaskGrants} makes those grants; {@link AuthorizationChecks}
 * checks them with the caller's groups as they are).
 */
@Component
class EngineRules extends AbstractProcessEnginePlugin {

	private final LoginThrottle throttle;

	private final CaseProcesses caseProcesses;

	private final ObjectProvider<FormOptions> formOptions;

	private final ObjectProvider<FormFacts> formFacts;

	private final Set<String> openProcesses;

	EngineRules(LoginThrottle throttle, CaseProcesses caseProcesses, ObjectProvider<FormOptions> formOptions,
			ObjectProvider<FormFacts> formFacts, @Value("${propdesk.open-processes:}") Set<String> openProcesses) {
		this.throttle = throttle;
		this.caseProcesses = caseProcesses;
		this.formOptions = formOptions;
		this.formFacts = formFacts;
		this.openProcesses = openProcesses;
	}

	/** The sources of form options by their {@code valuesKey}, looked up when a form is served or submitted. */
	private Map<String, FormOptions> formOptions() {
		return formOptions.stream().collect(Collectors.toMap(FormOptions::key, Function.identity()));
	}

	/** What the forms of an internal process's tasks show of their case, by process key. */
	private Map<String, FormFacts> formFacts() {
		return formFacts.stream().collect(Collectors.toMap(FormFacts::processKey, Function.identity()));
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new PropDeskIdentityProvider.Factory(throttle));
		configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
		configuration.setResourceAuthorizationProvider(new NewTaskGrants());
		EngineSessions.replace(configuration, AuthorizationManager.class, AuthorizationChecks::new);
		InternalProcesses internalProcesses = new InternalProcesses(caseProcesses, openProcesses);
		configuration.setCommandCheckers(new ArrayList<>(List.of(new StaffCommandChecker(internalProcesses),
				new TenantCommandChecker())));
		configuration.setFailedJobCommandFactory(new RefusalsAreNoJobFailures());
		configuration.setTaskService(new StaffTaskService());
		configuration.setFormService(new FormsWithOptions(this::formOptions, this::formFacts));
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		interceptors.add(new StaffSubmissions(this::formOptions));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPreBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
		}
		parseListeners.add(internalProcesses);
		configuration.setCustomPreBPMNParseListeners(parseListeners);
	}

}
