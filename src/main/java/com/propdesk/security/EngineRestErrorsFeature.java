package com.propdesk.security;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link EngineRestErrors}, {@link EngineRestUnknownIds} and {@link EngineRestStatistics} in every Jersey
 * application of this server: the engine's REST API
 * ({@code /engine-rest}) and the webapps' own ones ({@code /camunda/api/engine}, which Tasklist and Cockpit
 * call, and the other webapp APIs), which Camunda registers as separate servlets PropDesk does not configure.
 * Found by Jersey through {@code META-INF/services}.
 */
public final class EngineRestErrorsFeature implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(EngineRestErrors.WrappedErrors.class)) {
			context.register(EngineRestErrors.WrappedErrors.class).register(EngineRestErrors.FormErrors.class)
					.register(EngineRestErrors.ArgumentErrors.class)
					.register(EngineRestErrors.TooManyTries.class).register(EngineRestErrors.EngineErrors.class)
					.register(EngineRestErrors.SpringErrors.class).register(EngineRestErrors.ClientErrors.class)
					.register(EngineRestErrors.NotJson.class).register(EngineRestErrors.WrongJson.class)
					.register(EngineRestUnknownIds.class).register(EngineRestStatistics.class);
		}
	}

}
