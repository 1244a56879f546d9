package com.propdesk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP calls to a PropDesk started on a random port, answered as status, content type and JSON. */
public final class ApiClient {

	public record Answer(int status, String contentType, JsonNode body) {
	}

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private final int port;

	public ApiClient(int port) {
		this.port = port;
	}

	public Answer call(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode parsed = response.body().isBlank() ? null : json.readTree(response.body());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), parsed);
	}

	/** The Authorization header value of a demo user (password {@code demo}). */
	public static String basic(String user) {
		return basic(user, "demo");
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
