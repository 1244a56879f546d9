package com.propdesk.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
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
		if (!meetsPasswordPolicy(properties.adminPassword())) {
			throw new IllegalStateException("PropDesk will not start in production with a weak PROPDESK_ADMIN_PASSWORD: "
					+ POLICY);
		}
	}

	/** The engine's password policy, which every password a person sets must meet (README, "Identity and security"). */
	static final String POLICY = "at least 10 characters, with a lower-case and an upper-case letter, a digit and a "
			+ "character that is neither, and not the admin's id, name or e-mail";

	/** Whether the admin password from the environment meets the policy people's passwords meet, as the admin's. */
	static boolean meetsPasswordPolicy(String password) {
		UserEntity admin = new UserEntity(IdentitySetup.ADMIN);
		admin.setFirstName(IdentitySetup.ADMIN_FIRST_NAME);
		admin.setLastName(IdentitySetup.ADMIN_LAST_NAME);
		admin.setEmail(IdentitySetup.email(IdentitySetup.ADMIN));
		return new DefaultPasswordPolicyImpl().getRules().stream().allMatch(rule -> rule.execute(password, admin));
	}

	/**
	 * The same check before any bean exists, so that a refused start has not created tables or run
	 * migrations in the production database.
	 */
	static class BeforeStart implements EnvironmentPostProcessor {

		@Override
		public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
			PropDeskProperties properties = Binder.get(environment).bindOrCreate("propdesk", PropDeskProperties.class);
			new ProductionGuard(properties);
			if (!properties.demo()) {
				refuseDemoUsers(environment);
			}
		}

		/** A database that once ran the demo must not bring its well-known logins into production. */
		private static void refuseDemoUsers(ConfigurableEnvironment environment) {
			String url = environment.getProperty("spring.datasource.url");
			if (url == null) {
				return;
			}
			try (Connection db = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password"))) {
				if (!hasTable(db, "act_id_user")) {
					return;
				}
				List<String> present = new ArrayList<>();
				try (PreparedStatement query = db.prepareStatement("select ID_ from ACT_ID_USER where ID_ = ?")) {
					for (String id : IdentitySetup.DEMO_USER_IDS) {
						query.setString(1, id);
						try (ResultSet found = query.executeQuery()) {
							if (found.next()) {
								present.add(id);
							}
						}
					}
				}
				if (!present.isEmpty()) {
					throw new IllegalStateException("PropDesk will not start in production while demo users exist: "
							+ String.join(", ", present) + " (remove them in Camunda Admin or the database)");
				}
			}
			catch (SQLException e) {
				// an unreachable database is reported by the data source itself, with its own message
			}
		}

		private static boolean hasTable(Connection db, String name) throws SQLException {
			for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT))) {
				try (ResultSet tables = db.getMetaData().getTables(null, null, candidate, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}

	}

	private static boolean isDefault(String secret) {
		return secret == null || secret.isBlank() || secret.equals(DEMO_SECRET);
	}

}
