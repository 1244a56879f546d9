package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;

/** The actuator: health and info for anyone, metrics and Prometheus for administrators and management. */
@PropDeskTest
class ActuatorAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	LoginThrottle throttle;

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
		TestClock.reset();
	}

	@Test
	void metricsAreForAdministratorsAndManagementOnly() throws Exception {
		Answer anonymous = api.call("GET", "/actuator/prometheus", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		HttpResponse<Void> challenged = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(challenged.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic "));
		HttpResponse<Void> scraped = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
						.header("Authorization", basic("manager")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.headers().firstValue("Cache-Control")).as("no cache keeps the figures").hasValue("no-store");
		assertThat(scraped.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(challenged.headers().firstValue("Cache-Control")).hasValue("no-store");

		Answer agent = api.call("GET", "/actuator/prometheus", null, "Authorization", basic("agent"));
		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.contentType()).startsWith("application/problem+json");
		assertThat(agent.body().get("status").asInt()).isEqualTo(403);
		assertThat(api.call("GET", "/actuator/metrics", null, "Authorization", basic("auditor")).status()).isEqualTo(403);
		assertThat(api.call("GET", "/actuator", null).status()).isEqualTo(401);
		assertThat(api.call("GET", "/actuator/health/..;/prometheus", null).status()).as("through health").isEqualTo(401);
		assertThat(api.call("GET", "/actuator/health/%2e%2e/prometheus", null).status()).as("through health").isEqualTo(401);
	}

	@Test
	void wrongPasswordsAreThrottledAsEverywhere() throws Exception {
		for (int i = 0; i <= LoginThrottle.FREE_PER_USER; i++) {
			assertThat(api.call("GET", "/actuator/prometheus", null, "Authorization", basic("manager", "wrong")).status())
					.isEqualTo(401);
		}

		Answer waiting = api.call("GET", "/actuator/prometheus", null, "Authorization", basic("manager"));
		assertThat(waiting.status()).isEqualTo(429);
		assertThat(waiting.contentType()).startsWith("application/problem+json");
	}

	@Test
	void healthAndInfoStayPublic() throws Exception {
		assertThat(api.call("GET", "/actuator/health", null).status()).isEqualTo(200);
		assertThat(api.call("GET", "/actuator/info", null).status()).isEqualTo(200);
	}

	@Test
	void administratorsAndManagementReadTheMetrics() throws Exception {
		assertThat(api.call("GET", "/actuator/metrics", null, "Authorization", basic("admin")).status()).isEqualTo(200);
		assertThat(api.call("GET", "/actuator/metrics", null, "Authorization", basic("manager")).status()).isEqualTo(200);
	}

}
