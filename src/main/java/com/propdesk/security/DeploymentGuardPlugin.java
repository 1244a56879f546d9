package com.propdesk.security;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import com.propdesk.system.Schedule;
import com.propdesk.system.Step;

/**
 * Puts the {@link DeploymentGuard} in front of every deployment and limits what expressions can
 * reach to an explicit map of beans: PropDesk's own delegates and listeners. No other Spring bean
 * (data sources, services, the context itself) is visible to a diagram. Behind the guard, the engine
 * itself refuses unsafe behaviours when it parses ({@link UnsafeBehaviourParseListener}), creates no
 * object by class name, and evaluates no expression that walks to Java reflection.
 */
@Component
public class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext beans;

	private final CaseProcesses caseProcesses;

	private DeploymentGuard guard;

	DeploymentGuardPlugin(ApplicationContext beans, CaseProcesses caseProcesses) {
		this.beans = beans;
		this.caseProcesses = caseProcesses;
	}

	/** Bean names of PropDesk's delegates and listeners, the only beans a diagram may name; found without creating them. */
	public Set<String> allowedBeans() {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> type : List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class)) {
			for (String name : beans.getBeanNamesForType(type, false, false)) {
				Class<?> beanType = beans.getType(name, false);
				if (beanType != null && beanType.getName().startsWith("com.propdesk.")) {
					names.add(name);
				}
			}
		}
		return names;
	}

	/** Of the allowed beans, the steps only PropDesk's own processes take: {@code @Step(offered = false)}. */
	Set<String> internalSteps(Set<String> allowed) {
		Set<String> names = new LinkedHashSet<>();
		for (String name : allowed) {
			Class<?> beanType = beans.getType(name, false);
			Step step = beanType == null ? null : AnnotationUtils.findAnnotation(ClassUtils.getUserClass(beanType), Step.class);
			if (step != null && !step.offered()) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Bean names of PropDesk's {@link Schedule}s: a diagram's timer may read one of their properties as its whole
	 * expression, nothing more.
	 */
	public Set<String> scheduleBeans() {
		Set<String> names = new LinkedHashSet<>();
		for (String name : beans.getBeanNamesForType(Schedule.class, false, false)) {
			Class<?> beanType = beans.getType(name, false);
			if (beanType != null && beanType.getName().startsWith("com.propdesk.")) {
				names.add(name);
			}
		}
		return names;
	}

	/** The guard in front of the engine's deployments, for a verdict before deploying. */
	public DeploymentGuard guard() {
		if (guard == null) {
			throw new IllegalStateException("The process engine has not been configured yet");
		}
		return guard;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Set<String> allowed = allowedBeans();
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		Set<String> schedules = scheduleBeans();
		guard = new DeploymentGuard(new ExpressionPolicy(allowed, schedules), caseProcesses, internalSteps(allowed));
		preDeployers.add(guard);
		configuration.setCustomPreDeployers(preDeployers);
		Set<String> visibleNames = new LinkedHashSet<>(allowed);
		visibleNames.addAll(schedules);
		LazyBeans visible = new LazyBeans(visibleNames, beans);
		configuration.setBeans(visible);
		// the Spring factory bean created the expression manager before plugins run, with every bean visible
		configuration.setExpressionManager(new GuardedExpressionManager(beans, visible));

		// the engine's own lines behind the guard, should a diagram ever get past it
		List<BpmnParseListener> parseListeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		parseListeners.add(new UnsafeBehaviourParseListener());
		configuration.setCustomPostBPMNParseListeners(parseListeners);
		configuration.setArtifactFactory(new NoClassNames());
	}

	/**
	 * The engine creates Java objects by class name only for class delegates, class listeners, variable
	 * mapping classes and the shell and mail tasks; PropDesk uses none of them, so the engine creates none.
	 */
	static final class NoClassNames implements ArtifactFactory {

		@Override
		public <T> T getArtifact(Class<T> type) {
			throw new ProcessEngineException("引擎拒绝按类名创建 Java 对象：" + type.getName()
					+ "（请使用 PropDesk 组件的 delegateExpression）");
		}

	}

	/** Spring's expression manager with {@link NoReflectionELResolver} in front of its resolvers. */
	static final class GuardedExpressionManager extends SpringExpressionManager {

		GuardedExpressionManager(ApplicationContext beans, Map<Object, Object> visible) {
			super(beans, visible);
		}

		@Override
		protected ELResolver createElResolver() {
			CompositeELResolver resolver = new CompositeELResolver();
			resolver.add(new NoReflectionELResolver());
			resolver.add(super.createElResolver());
			return resolver;
		}

	}

	/** The allow-listed beans, each fetched from Spring when an expression first names it. */
	static final class LazyBeans extends AbstractMap<Object, Object> {

		private final Set<String> names;

		private final ListableBeanFactory factory;

		LazyBeans(Set<String> names, ListableBeanFactory factory) {
			this.names = Set.copyOf(names);
			this.factory = factory;
		}

		@Override
		public boolean containsKey(Object key) {
			return names.contains(key);
		}

		@Override
		public Object get(Object key) {
			return names.contains(key) ? factory.getBean((String) key) : null;
		}

		@Override
		public Set<Map.Entry<Object, Object>> entrySet() {
			return names.stream().map(name -> Map.entry((Object) name, factory.getBean(name)))
					.collect(Collectors.toSet());
		}

	}

}
