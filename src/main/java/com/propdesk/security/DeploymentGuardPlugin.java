package com.propdesk.security;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentGuard} in front of every deployment and limits what expressions can
 * reach to an explicit map of beans: PropDesk's own delegates and listeners. No other Spring bean
 * (data sources, services, the context itself) is visible to a diagram.
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext beans;

	DeploymentGuardPlugin(ApplicationContext beans) {
		this.beans = beans;
	}

	/** Bean names of PropDesk's delegates and listeners, found without creating them. */
	Set<String> allowedBeans() {
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

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Set<String> allowed = allowedBeans();
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new DeploymentGuard(new ExpressionPolicy(allowed)));
		configuration.setCustomPreDeployers(preDeployers);
		LazyBeans visible = new LazyBeans(allowed, beans);
		configuration.setBeans(visible);
		// the Spring factory bean created the expression manager before plugins run, with every bean visible
		configuration.setExpressionManager(new SpringExpressionManager(beans, visible));
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
