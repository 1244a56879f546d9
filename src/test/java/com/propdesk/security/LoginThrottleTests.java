package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;

/**
 * Wrong passwords slow one client down for one user, for a while, and never lock an account: the right
 * password works again when the wait is over, and from another address at once. Tests move the engine
 * clock instead of waiting; 127.0.0.1 and ::1 are two clients.
 */
@PropDeskTest
class LoginThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	IdentityService identityService;

	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		TestClock.set(TestClock.DAY);
		throttle.clear();
	}

	@AfterEach
	void tearDown() {
		throttle.clear();
		// the engine's own lock, should it ever count again, must not leak into the tests that share this context
		for (String user : new String[] { "admin", "agent", "duty" }) {
			identityService.unlockUser(user);
		}
		TestClock.reset();
	}

	@Test
	void wrongPasswordsEachAfterTheWaitNeverLockAnAccountAdminIncluded() throws Exception {
		for (int i = 0; i < 12; i++) {
			assertThat(api.call("GET", "/api/registry/buildings", null, "Authorization", basic("admin", "guess" + i))
					.status()).as("try %d", i).isEqualTo(401);
			TestClock.advance(LoginThrottle.CAP);
			assertThat(api.call("GET", "/engine-rest/user?maxResults=1", null, "Authorization",
					basic("admin", "guess" + i)).status()).as("try %d", i).isEqualTo(401);
			TestClock.advance(LoginThrottle.CAP);
		}

		assertThat(api.call("GET", "/api/registry/buildings", null, "Authorization", basic("admin")).status())
				.isEqualTo(200);
		assertThat(api.call("GET", "/engine-rest/user?maxResults=1", null, "Authorization", basic("admin")).status())
				.isEqualTo(200);
	}

	@Test
	void aThrottledClientWaitsWithRetryAfterWhileAnotherClientLogsIn() throws Exception {
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			assertThat(api.call("GET", "/api/registry/buildings", null, "Authorization", basic("agent", "wrong"))
					.status()).isEqualTo(401);
		}

		Answer api429 = api.call("GET", "/api/registry/buildings", null, "Authorization", basic("agent"));
		HttpResponse<String> rest429 = get("127.0.0.1", "/engine-rest/task?maxResults=1", basic("agent"));
		assertThat(api429.status()).isEqualTo(429);
		assertThat(api429.contentType()).startsWith("application/problem+json");
		assertThat(api429.body().get("detail").asText()).contains("秒后重试");
		assertThat(rest429.statusCode()).isEqualTo(429);
		assertThat(rest429.headers().firstValue("Retry-After")).contains("1");

		// the same user from another address is not affected
		assertThat(get("[::1]", "/engine-rest/task?maxResults=1", basic("agent")).statusCode()).isEqualTo(200);

		// the wait expires by itself
		TestClock.advance(Duration.ofSeconds(1));
		assertThat(api.call("GET", "/api/registry/buildings", null, "Authorization", basic("agent")).status())
				.isEqualTo(200);
	}

	@Test
	void theWebappsLoginFormIsThrottledToo() throws Exception {
		// the webapps find their engine in Camunda's static registry, which another application started and
		// closed in this JVM (RestartTests, PostgresProfileTests) may have left without this context's engine
		var container = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get();
		if (container.getProcessEngineService().getProcessEngine(processEngine.getName()) == null) {
			container.registerProcessEngine(processEngine);
		}
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			HttpResponse<String> wrong = login("127.0.0.1", "duty", "wrong");
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(wrong.body()).as("a wrong password, not a page to log in to first").contains("用户名或密码不正确");
		}

		HttpResponse<String> throttled = login("127.0.0.1", "duty", "demo");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		assertThat(throttled.body()).as("the login page shows the wait: it reads message")
				.containsPattern("\"message\":\"密码错误次数过多，请在 \\d+ 秒后重试");
		assertThat(login("[::1]", "duty", "demo").statusCode()).isEqualTo(200);
	}

	@Test
	void aThrottledPasswordChangeIsToldToWaitNotThatTheRightPasswordIsWrong() throws Exception {
		var login = EngineHardeningTests.Webapps.login(port, "cleaner", processEngine);
		var cleaner = login.after(login.get("/camunda/api/admin/auth/user/default"));
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			assertThat(changePassword(cleaner, "wrong").statusCode()).isEqualTo(400);
		}

		HttpResponse<String> rightDuringTheWait = changePassword(cleaner, "demo");

		assertThat(rightDuringTheWait.statusCode()).as(rightDuringTheWait.body()).isEqualTo(429);
		assertThat(rightDuringTheWait.body()).contains("秒后重试").doesNotContain("不正确");
		assertThat(identityService.checkPassword("cleaner", "demo")).as("unchanged").isTrue();
	}

	/** The welcome page's 修改密码 as the webapps send it, confirmed with the current password. */
	private HttpResponse<String> changePassword(EngineHardeningTests.Webapps session, String current) throws Exception {
		return session.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/api/engine/engine/default/user/cleaner/credentials")).header("Cookie", session.cookies())
				.header("X-XSRF-TOKEN", session.token()).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"password\": \"Qingjie-2026-new\", \"authenticatedUserPassword\": \""
						+ current + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aLoginThatIsNotAFormIs415InChineseNotAServerError() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/cockpit/"))
				.build(), HttpResponse.BodyHandlers.discarding());
		var cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
		String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().substring(11);

		HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/camunda/api/admin/auth/user/default/login/cockpit")).header("Content-Type", "application/json")
				.header("Cookie", String.join("; ", cookies)).header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"manager\", \"password\": \"demo\"}")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(json.statusCode()).isEqualTo(415);
		assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json.body()).contains("表单").doesNotContain("Exception");
	}

	@Test
	void waitsGrowThenStopAtTheCapAndTheCountIsBounded() {
		assertThat(LoginThrottle.delay(LoginThrottle.FREE_PER_USER, LoginThrottle.FREE_PER_USER)).isZero();
		assertThat(LoginThrottle.delay(LoginThrottle.FREE_PER_USER + 1, LoginThrottle.FREE_PER_USER)).hasSeconds(1);
		assertThat(LoginThrottle.delay(LoginThrottle.FREE_PER_USER + 4, LoginThrottle.FREE_PER_USER)).hasSeconds(8);
		assertThat(LoginThrottle.delay(1000, LoginThrottle.FREE_PER_USER)).isEqualTo(LoginThrottle.CAP);

		// a client spraying many user names is slowed down as a whole
		for (int i = 0; i <= LoginThrottle.FREE_PER_CLIENT; i++) {
			throttle.failed("10.0.0.9", "user" + i);
		}
		assertThat(throttle.waitFor("10.0.0.9", "someone-else")).isPositive();
		assertThat(throttle.waitFor("10.0.0.8", "someone-else")).isZero();

		// a quiet client is forgotten
		TestClock.advance(LoginThrottle.FORGET);
		assertThat(throttle.waitFor("10.0.0.9", "someone-else")).isZero();

		// more names than the bound push out the oldest, memory stays bounded
		for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 10; i++) {
			throttle.failed("10.0.1." + (i % 200), "name" + i);
		}
		assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
	}

	private HttpResponse<String> get(String host, String path, String authorization) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
				.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The login form as Tasklist sends it: with the page's cookies and its CSRF token. */
	private HttpResponse<String> login(String host, String user, String password) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		var page = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/camunda/app/tasklist/"))
				.build(), HttpResponse.BodyHandlers.discarding());
		var cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
		String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().substring(11);
		return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
				+ "/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", String.join("; ", cookies)).header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
