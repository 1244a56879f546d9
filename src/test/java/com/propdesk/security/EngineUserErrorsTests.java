package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/** A caller's error on the engine's REST API is a 4xx with the reason, never a 500 with the server's insides. */
@PropDeskTest
class EngineUserErrorsTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@ParameterizedTest(name = "{0} {1} as {3}")
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			"GET|/engine-rest/task/nope/variables|-|admin",
			"GET|/engine-rest/task/nope/localVariables|-|admin",
			"GET|/engine-rest/task/nope/deployed-form|-|admin",
			"GET|/engine-rest/task/nope/rendered-form|-|admin",
			"GET|/engine-rest/task/nope/identity-links|-|admin",
			"POST|/engine-rest/task/nope/claim|{\"userId\": \"engineer\"}|engineer",
			"POST|/engine-rest/task/nope/delegate|{\"userId\": \"engineer\"}|admin",
			"PUT|/engine-rest/task/nope/variables/x|{\"value\": 1}|admin",
			"GET|/engine-rest/process-instance/nope/variables|-|admin",
			"GET|/engine-rest/execution/nope/localVariables|-|admin",
			"POST|/engine-rest/process-instance/nope/modification|{\"instructions\": []}|admin",
			"PUT|/engine-rest/job/nope/retries|{\"retries\": 3}|admin",
			"GET|/engine-rest/deployment/nope/resources/x/data|-|manager",
			"GET|/engine-rest/engine/default/task/nope/variables|-|agent" })
	void anUnknownIdIsNotFound(String method, String path, String body, String user) throws Exception {
		Answer answer = api.call(method, path, body, "Authorization", basic(user));

		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(404);
		assertThat(answer.body().get("message").asText()).contains("nope").doesNotContain("at org.");
	}

}
