package com.propdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP to the PropDesk under test, as channels, staff and Tasklist call it. A status other than the
 * expected one is an error the benchmark reports, never a figure it counts.
 */
final class BenchClient {

	static final ObjectMapper JSON = new ObjectMapper();

	static {
		// idle connections leave the client's pool before Tomcat closes them (after 20 s): a request on a connection the
		// server has just closed fails with "header parser received no bytes", as one did after the SQL step's pauses
		System.setProperty("jdk.httpclient.keepalive.timeout", "10");
	}

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	BenchClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	/** Sends and returns the body as JSON (null when empty); throws when the status is not the expected one. */
	JsonNode call(String method, String path, Object body, int expected, String... headers) throws IOException,
			InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String text = body instanceof String s ? s : JSON.writeValueAsString(body);
			request.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
					.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != expected) {
			throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(400, response.body().length())));
		}
		return response.body().isBlank() ? null : JSON.readTree(response.body());
	}

	/** A GET whose body is text (the Prometheus scrape). */
	String text(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

	boolean healthy() {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
					.timeout(Duration.ofSeconds(2)).GET().build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Deploys a diagram as Camunda Modeler does: multipart to the engine's REST API, as the administrator. */
	void deploy(String name, byte[] diagram) throws IOException, InterruptedException {
		String boundary = "bench" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name
				+ ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(diagram);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", basic("admin"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IOException("deploying " + name + " answered " + response.statusCode() + ": " + response.body());
		}
	}

}
