package com.propdesk.system;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/**
 * Every error of {@code /api} is {@code application/problem+json} in Chinese — those of Spring MVC (wrong method,
 * media type, unknown path) and those Tomcat answers itself before any servlet runs (a malformed request line,
 * path or header); no error anywhere shows a stack trace or the server's version.
 */
@PropDeskTest
class ErrorResponseTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	private static void assertChineseProblem(Answer answer, int status) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("status").asInt()).isEqualTo(status);
		assertThat(answer.body().get("title").asText()).containsPattern("\\p{IsHan}");
		assertThat(answer.body().get("detail").asText()).containsPattern("\\p{IsHan}");
	}

	@Test
	void aWrongMethodIs405WithTheAllowedOnes() throws Exception {
		Answer answer = api.call("DELETE", "/api/cases", null, "X-Api-Key", "demo");

		assertChineseProblem(answer, 405);
		assertThat(answer.body().get("detail").asText()).contains("DELETE", "POST");
	}

	@Test
	void aBodyThatIsNotJsonIs415() throws Exception {
		Answer answer = api.call("POST", "/api/cases", null, "X-Api-Key", "demo", "Content-Type", "text/plain");

		assertChineseProblem(answer, 415);
	}

	@Test
	void anAnswerInAFormatTheApiDoesNotWriteIs406() throws Exception {
		Answer answer = api.call("GET", "/api/emergency-plans", null, "Authorization", basic("duty"), "Accept",
				"application/xml");

		assertThat(answer.status()).isEqualTo(406);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("detail").asText()).containsPattern("\\p{IsHan}");
	}

	@Test
	void aBrowserAskingForAnAddressNobodyServesGetsAChinesePageTheApisKeepJson() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (String path : new String[] { "/nope", "/desk/nope", "/camunda/nope", "/camunda/app/nope" }) {
			var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
					.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains("lang=\"zh-CN\"", "未找到").doesNotContain("\"detail\"");
		}
		Answer api = this.api.call("GET", "/api/nothing-here", null, "Authorization", basic("duty"), "Accept",
				"text/html,*/*;q=0.8");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.contentType()).as("an API answers JSON whatever the browser accepts").startsWith("application/problem+json");
		Answer deep = this.api.call("GET", "/camunda/app/cockpit/default/nope", null);
		assertChineseProblem(deep, 404);
		assertThat(deep.body().get("detail").asText()).as("the whole address").contains("/camunda/app/cockpit/default/nope");
	}

	@Test
	void anUnknownPathIs404() throws Exception {
		assertChineseProblem(api.call("GET", "/api/nothing-here", null, "Authorization", basic("duty")), 404);
		assertChineseProblem(api.call("POST", "/api/cases/R-1/nothing", "{}", "X-Api-Key", "demo"), 404);
	}

	static Stream<Arguments> controlCharactersInQueries() {
		return Stream.of(Arguments.of("/api/audit/cases?caseNo=R%00", "caseNo", "auditor"),
				Arguments.of("/api/audit/cases?building=3%0A", "building", "auditor"),
				Arguments.of("/api/knowledge/entries?category=fees%00", "category", "agent"),
				Arguments.of("/api/registry/units/3-1201%01x", "code", "agent"));
	}

	/** A NUL in a query that reaches the database fails on PostgreSQL: refused before any handler runs. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("controlCharactersInQueries")
	void aControlCharacterInAParameterIsRefusedNamingIt(String path, String field, String user) throws Exception {
		Answer answer = api.call("GET", path, null, "Authorization", basic(user));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly(field);
	}

	@Test
	void aMissingQueryParameterIsNamed() throws Exception {
		Answer answer = api.call("GET", "/api/knowledge/match", null, "Authorization", basic("duty"));

		assertChineseProblem(answer, 400);
		assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly("q");
	}

	@Test
	void aPathVariableOfTheWrongTypeIsNamed() throws Exception {
		Answer answer = api.call("DELETE", "/api/registry/residents/abc", null, "Authorization", basic("agent"));

		assertChineseProblem(answer, 400);
		assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly("id");
	}

	/** Requests Java's HTTP client refuses to send, as an attacker sends them. */
	static Stream<Arguments> malformedRequests() {
		return Stream.of(
				Arguments.of("an invalid %-escape in the path", "GET /api/cases/%zz HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("an invalid %-escape in the query",
						"GET /api/cases/R-20261127-0001?token=%zz HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("a NUL in the path", "GET /api/cases/R%00 HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("a bracket in the path", "GET /api/cases/[1] HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("an encoded slash", "GET /api/cases/%2e%2e%2fx HTTP/1.1\r\nHost: localhost\r\n"),
				Arguments.of("a header name with a space", "GET /api/cases HTTP/1.1\r\nHost: localhost\r\nX Bad: 1\r\n"),
				Arguments.of("a header without a colon", "GET /api/cases HTTP/1.1\r\nHost: localhost\r\nnocolon\r\n"),
				Arguments.of("a header larger than allowed",
						"GET /api/cases HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n"),
				Arguments.of("an unknown protocol version", "GET /api/cases HTTP/7.1\r\nHost: localhost\r\n"),
				Arguments.of("a request line with a control character", "GET /api/cases\u0001 HTTP/1.1\r\nHost: localhost\r\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedRequests")
	void aMalformedRequestIsAProblemWithoutServerDetails(String what, String request) throws Exception {
		String response = raw(request + "Connection: close\r\n\r\n");

		String head = response.substring(0, response.indexOf("\r\n\r\n"));
		String body = response.substring(response.indexOf("\r\n\r\n") + 4);
		// an unknown protocol version is 505, anything else malformed 400
		assertThat(head).matches("(?s)HTTP/1\\.1 (4\\d\\d|505) .*");
		assertThat(head).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = new ObjectMapper().readTree(body);
		assertThat(problem.get("status").asInt()).isBetween(400, 505);
		assertThat(problem.get("title").asText()).containsPattern("\\p{IsHan}");
		assertThat(response).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void aMalformedRequestOutsideTheApiShowsNoServerDetails() throws Exception {
		String response = raw("GET /camunda/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("\tat ");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			in.transferTo(read);
			return read.toString(StandardCharsets.UTF_8);
		}
	}

}
