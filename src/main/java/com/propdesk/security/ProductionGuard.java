package com.propdesk.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

import com.propdesk.system.PropDeskProperties;

/**
 * Outside the demo, PropDesk refuses to start with a default or missing secret: the admin password
 * and every channel key must come from the environment.
 */
@Component
class ProductionGuard {

	static final String DEMO_SECRET = "demo";

	ProductionGuard(PropDeskProperties properties) {
		if (properties.demo()) {
			return;
		}
		List<String> missing = new ArrayList<>();
		if (isDefault(properties.adminPassword())) {
			missing.add("PROPDESK_ADMIN_PASSWORD");
		}
		properties.channels().forEach((channel, settings) -> {
			if (isDefault(settings.apiKey())) {
				missing.add("PROPDESK_KEY_" + channel.toUpperCase().replace('-', '_'));
			}
		});
		if (!missing.isEmpty()) {
			throw new IllegalStateException("PropDesk will not start in production with a missing or default secret: set "
					+ String.join(", ", missing) + " in the environment");
		}
	}

	/**
	 * The same check before any bean exists, so that a refused start has not created tables or run
	 * migrations in the production database.
	 */
	static class BeforeStart implements EnvironmentPostProcessor {

		@Override
		public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
			new ProductionGuard(Binder.get(environment).bindOrCreate("propdesk", PropDeskProperties.class));
		}

	}

	private static boolean isDefault(String secret) {
		return secret == null || secret.isBlank() || secret.equals(DEMO_SECRET);
	}

}
