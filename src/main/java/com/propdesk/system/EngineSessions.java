package com.propdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** PropDesk's own engine sessions in place of the engine's, keeping other plugins' custom sessions. */
public final class EngineSessions {

	private EngineSessions() {
	}

	/** Wherever the engine asks for a session of {@code type} (its manager class), it gets a new one of {@code open}. */
	public static void replace(ProcessEngineConfigurationImpl configuration, Class<? extends Session> type,
			Supplier<? extends Session> open) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return type;
			}

			@Override
			public Session openSession() {
				return open.get();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

}
