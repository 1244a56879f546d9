package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.registry.RegistryRepository;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production profile as operators start it: PostgreSQL and every secret from {@code PROPDESK_*}
 * settings. Each test starts and closes its own application, on its own fresh database, before the
 * server closes after the class.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresProfileTests {

	private static final List<String> CHANNEL_KEYS = List.of("PROPDESK_KEY_PHONE", "PROPDESK_KEY_WECHAT",
			"PROPDESK_KEY_APP", "PROPDESK_KEY_WEB", "PROPDESK_KEY_WALK_IN");

	private static final List<String> SECRETS = List.of("PROPDESK_ADMIN_PASSWORD", "PROPDESK_KEY_PHONE",
			"PROPDESK_KEY_WECHAT", "PROPDESK_KEY_APP", "PROPDESK_KEY_WEB", "PROPDESK_KEY_WALK_IN");

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopDatabase() throws IOException {
		postgres.close();
	}

	/** The application as {@code java -jar} with the postgres profile, its database settings given. */
	private static String[] production(String database, Map<String, String> secrets) throws SQLException {
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + database);
		List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0",
				"--camunda.bpm.job-execution.enabled=false",
				// closing an engine named "default" would unregister the shared test context's engine (JVM-wide registry)
				"--camunda.bpm.generate-unique-process-engine-name=true", "--PROPDESK_DB_HOST=localhost",
				"--PROPDESK_DB_PORT=" + postgres.getPort(), "--PROPDESK_DB_NAME=" + database,
				"--PROPDESK_DB_USER=postgres", "--PROPDESK_DB_PASSWORD=postgres"));
		// every secret named, empty unless given, so that one set in the machine's environment cannot leak in
		SECRETS.forEach(name -> args.add("--" + name + "=" + secrets.getOrDefault(name, "")));
		return args.toArray(String[]::new);
	}

	private static ConfigurableApplicationContext start(String[] args) {
		return new SpringApplicationBuilder(PropDeskApplication.class).run(args);
	}

	/** Why the start failed: the guard's own exception, however deep the context wrapped it. */
	private static Throwable refusal(String[] args) {
		Throwable failure = catchThrowable(() -> start(args).close());
		assertThat(failure).as("start refused").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure);
	}

	@Test
	void refusesToStartWithoutTheAdminPasswordAndChannelKeys() throws SQLException {
		String[] args = production("refused", Map.of());

		assertThat(refusal(args)).isInstanceOf(IllegalStateException.class).hasMessageContaining("PROPDESK_ADMIN_PASSWORD")
				.message().contains(CHANNEL_KEYS);
	}

	@Test
	void refusesTheDemoSecretAsAChannelKey() throws SQLException {
		String[] args = production("demokey", Map.of("PROPDESK_ADMIN_PASSWORD", "S3cret-Pa55", "PROPDESK_KEY_PHONE",
				"k-phone", "PROPDESK_KEY_WECHAT", "demo", "PROPDESK_KEY_APP", "k-app", "PROPDESK_KEY_WEB", "k-web",
				"PROPDESK_KEY_WALK_IN", "k-walk-in"));

		assertThat(refusal(args)).hasMessageContaining("PROPDESK_KEY_WECHAT").message()
				.doesNotContain("PROPDESK_ADMIN_PASSWORD", "PROPDESK_KEY_PHONE");
	}

	@Test
	void startsWithItsSecretsAndLoadsNoDemoData() throws Exception {
		String[] args = production("propdesk", Map.of("PROPDESK_ADMIN_PASSWORD", "S3cret-Pa55", "PROPDESK_KEY_PHONE",
				"k-phone", "PROPDESK_KEY_WECHAT", "k-wechat", "PROPDESK_KEY_APP", "k-app", "PROPDESK_KEY_WEB", "k-web",
				"PROPDESK_KEY_WALK_IN", "k-walk-in"));

		try (ConfigurableApplicationContext app = start(args)) {
			IdentityService identity = app.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().userId("engineer").count()).isZero();
			assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
			assertThat(identity.checkPassword("admin", "S3cret-Pa55")).isTrue();
			assertThat(identity.checkPassword("admin", "demo")).isFalse();
			RegistryRepository registry = app.getBean(RegistryRepository.class);
			assertThat(registry.isEmpty()).isTrue();
			assertThat(registry.technicians()).isEmpty();
			assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForObject("select current_database()",
					String.class)).isEqualTo("propdesk");

			// the demo key opens nothing in production; the channel's own key passes authentication, and the
			// report is then refused only as invalid: no estate and no callback hosts are configured yet
			ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			String report = Reports.repairJson("wx-production");
			assertThat(api.call("POST", "/api/cases", report, "X-Api-Key", "demo").status()).isEqualTo(401);
			assertThat(api.call("POST", "/api/cases", report, "X-Api-Key", "k-wechat").status()).isEqualTo(400);
		}
	}


	@Test
	void productionSessionCookiesAreSecureAndPagesDemandHttps() throws Exception {
		String[] args = production("propdesk_cookies", Map.of("PROPDESK_ADMIN_PASSWORD", "S3cret-Pa55", "PROPDESK_KEY_PHONE",
				"k-phone", "PROPDESK_KEY_WECHAT", "k-wechat", "PROPDESK_KEY_APP", "k-app", "PROPDESK_KEY_WEB", "k-web",
				"PROPDESK_KEY_WALK_IN", "k-walk-in"));

		try (ConfigurableApplicationContext app = start(args)) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			var http = java.net.http.HttpClient.newHttpClient();
			var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/"))
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
			var loginRequest = java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/"
							+ app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName() + "/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=S3cret-Pa55"));
			var forged = http.send(loginRequest.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
			// the page's cookies and its CSRF token, as the login form sends them
			java.util.List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
			String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().substring(11);
			var login = http.send(loginRequest.header("Cookie", String.join("; ", cookies)).header("X-XSRF-TOKEN", token)
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());

			assertThat(forged.statusCode()).as("a login without the CSRF token").isEqualTo(403);
			assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
					hsts -> assertThat(hsts).contains("max-age=31536000"));
			assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
					.startsWith("XSRF-TOKEN").contains("Secure").containsIgnoringCase("SameSite=Strict"));
			assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
					.startsWith("JSESSIONID").contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
		}
	}


	@Test
	void refusesToStartWhereDemoUsersExist() throws Exception {
		String[] args = production("propdesk_demo_users", Map.of("PROPDESK_ADMIN_PASSWORD", "S3cret-Pa55",
				"PROPDESK_KEY_PHONE", "k-phone", "PROPDESK_KEY_WECHAT", "k-wechat", "PROPDESK_KEY_APP", "k-app",
				"PROPDESK_KEY_WEB", "k-web", "PROPDESK_KEY_WALK_IN", "k-walk-in"));
		try (ConfigurableApplicationContext app = start(args)) {
			IdentityService identity = app.getBean(IdentityService.class);
			var user = identity.newUser("engineer");
			user.setPassword("demo");
			((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
		}

		assertThatThrownBy(() -> start(args)).hasStackTraceContaining("demo users exist: engineer");
	}

	@Test
	void secretsNeverReachTheLog(CapturedOutput output) throws Exception {
		String[] args = production("propdesk_log", Map.of("PROPDESK_ADMIN_PASSWORD", "S3cret-Pa55-SeCrEtMaRk",
				"PROPDESK_KEY_PHONE", "k-phone-SeCrEtMaRk", "PROPDESK_KEY_WECHAT", "k-wechat-SeCrEtMaRk", "PROPDESK_KEY_APP", "k-app-SeCrEtMaRk",
				"PROPDESK_KEY_WEB", "k-web-SeCrEtMaRk", "PROPDESK_KEY_WALK_IN", "k-walk-in-SeCrEtMaRk"));
		try (ConfigurableApplicationContext app = start(args)) {
			ApiClient api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			api.call("POST", "/api/cases", Reports.repairJson("wx-log"), "X-Api-Key", "k-wechat-SeCrEtMaRk");
			// this test JVM runs other engines too: name this one, or "default" would be another test's engine
			String engine = app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
			assertThat(api.call("GET", "/engine-rest/engine/" + engine + "/task?maxResults=1", null, "Authorization",
					ApiClient.basic("admin", "S3cret-Pa55-SeCrEtMaRk")).status()).isEqualTo(200);
		}

		assertThat(output.getAll()).as("the application log").contains("ENGINE-00007 Process Engine").doesNotContain("SeCrEtMaRk");
	}

}
