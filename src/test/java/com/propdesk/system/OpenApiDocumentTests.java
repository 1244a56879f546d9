package com.propdesk.system;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.Work;

/**
 * The OpenAPI document at {@code /v3/api-docs} against the API's real answers: the receipt and the case a channel
 * gets are checked field by field against the schemas the document gives, and Swagger UI renders it under its
 * Content-Security-Policy.
 */
@PropDeskTest
class OpenApiDocumentTests {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	ApiClient api;

	JsonNode document;

	@BeforeEach
	void setUp() throws Exception {
		api = new ApiClient(port);
		TestClock.set(TestClock.DAY);
		Answer docs = api.call("GET", "/v3/api-docs", null);
		assertThat(docs.status()).as("the document needs no login").isEqualTo(200);
		document = docs.body();
	}

	@AfterEach
	void tearDown() {
		Work.deleteRunningInstances(runtimeService);
		TestClock.reset();
	}

	@Test
	void receiptAndCaseOfARealRepairMatchTheirSchemas() throws Exception {
		JsonNode open = document.at("/paths/~1api~1cases/post");
		Answer created = api.call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()), "X-Api-Key", "demo");
		assertThat(created.status()).isEqualTo(201);

		JsonNode receiptSchema = responseSchema(open, "201", "application/json");
		assertThat(violations(created.body(), receiptSchema, "receipt")).isEmpty();
		// the receipt's fields the contract names, each documented and required
		JsonNode receipt = resolve(receiptSchema);
		assertThat(receipt.get("properties").fieldNames()).toIterable().contains("caseNo", "type", "priority", "status",
				"statusLabel", "dueAt", "trackingToken", "answer");
		assertThat(receipt.get("required")).extracting(JsonNode::asText).contains("caseNo", "type", "priority", "status",
				"statusLabel", "dueAt", "trackingToken");
		assertThat(resolve(receipt.at("/properties/type")).get("enum")).extracting(JsonNode::asText)
				.containsExactly("repair", "complaint", "emergency", "inquiry", "mediation");

		String caseNo = created.body().get("caseNo").asText();
		Answer found = api.call("GET", "/api/cases/" + caseNo, null, "Authorization", basic("agent"));
		assertThat(found.status()).isEqualTo(200);
		JsonNode view = responseSchema(document.at("/paths/~1api~1cases~1{caseNo}/get"), "200", "application/json");
		assertThat(violations(found.body(), view, "case")).isEmpty();
		assertThat(found.body().get("timeline")).isNotEmpty();
		assertThat(found.body().get("clocks")).isNotEmpty();
	}

	@Test
	void requestFieldsAndErrorsAreDescribedForChannelIntegrators() throws Exception {
		JsonNode open = document.at("/paths/~1api~1cases/post");
		assertThat(open.get("summary").asText()).isEqualTo("新建事项");
		JsonNode request = resolve(open.at("/requestBody/content/application~1json/schema"));
		assertThat(request.get("required")).extracting(JsonNode::asText).contains("type", "channel", "reporter",
				"description");
		assertThat(resolve(request.at("/properties/channel")).get("enum")).extracting(JsonNode::asText)
				.containsExactly("phone", "wechat", "app", "web", "walk-in");
		assertThat(resolve(request.at("/properties/channel")).get("description").asText()).contains("wechat 微信");
		assertThat(open.get("security")).extracting(s -> s.fieldNames().next()).containsExactly("apiKey", "basic");
		assertThat(document.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
		assertThat(document.at("/components/securitySchemes/trackingToken/name").asText()).isEqualTo("X-Tracking-Token");
		assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");

		// a real 400 matches the documented problem
		Answer invalid = api.call("POST", "/api/cases", "{\"type\":\"repair\",\"channel\":\"wechat\"}", "X-Api-Key", "demo");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(violations(invalid.body(), responseSchema(open, "400", "application/problem+json"), "problem"))
				.isEmpty();
		JsonNode feedback = document.at("/paths/~1api~1cases~1{caseNo}~1feedback/post");
		assertThat(feedback.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "403", "404",
				"409");
		assertThat(resolve(feedback.at("/responses/409")).at("/content").has("application/problem+json")).isTrue();

		// PropDesk's other APIs are in the document too, by path, and only /api
		assertThat(document.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"))
				.contains("/api/registry/buildings", "/api/knowledge/entries", "/api/emergency-plans",
						"/api/audit/cases", "/api/desk/search", "/api/desk/callers/{unit}");
	}

	@Test
	void swaggerUiRendersTheDocumentUnderItsContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PageHeaders.CONTENT_SECURITY_POLICY);

		try (Chromium chromium = Chromium.start((options, profile) -> options.setCapability("goog:loggingPrefs",
				Map.of(LogType.BROWSER, "ALL")))) {
			chromium.browser().get("http://localhost:" + port + "/swagger-ui/index.html");
			try {
				chromium.patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "新建事项"));
				assertThat(chromium.browser().findElement(By.tagName("body")).getText()).contains("PropDesk 物业客服中心 API",
						"/api/cases/{caseNo}", "查看事项", "房产档案");
				assertThat(chromium.browser().manage().logs().get(LogType.BROWSER).getAll().stream()
						.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
						.map(LogEntry::getMessage)).isEmpty();
			}
			finally {
				chromium.saveScreenshot("swagger-ui");
			}
		}
	}

	private JsonNode responseSchema(JsonNode operation, String status, String mediaType) {
		JsonNode response = resolve(operation.at("/responses/" + status));
		JsonNode content = response.get("content");
		assertThat(content).as("content of " + status).isNotNull();
		assertThat(content.has(mediaType)).as(status + " as " + mediaType + ": " + content).isTrue();
		return content.get(mediaType).get("schema");
	}

	/** A {@code $ref} inside the document, followed. */
	private JsonNode resolve(JsonNode node) {
		while (node != null && node.has("$ref")) {
			node = document.at(node.get("$ref").asText().substring(1));
		}
		return node;
	}

	/**
	 * What in {@code value} the schema does not allow: a missing required field, a field the schema does not
	 * document, a null where the schema does not say nullable, a wrong type, a value outside an enum, a date-time
	 * that is not ISO-8601 with offset.
	 */
	private List<String> violations(JsonNode value, JsonNode schemaOrRef, String path) {
		JsonNode schema = resolve(schemaOrRef);
		List<String> found = new ArrayList<>();
		// OpenAPI 3.1 (springdoc's default) writes a nullable field as "type": ["string", "null"], 3.0 as "nullable"
		List<String> types = new ArrayList<>();
		if (schema.path("type").isArray()) {
			schema.get("type").forEach(t -> types.add(t.asText()));
		}
		else {
			types.add(schema.path("type").asText(schema.has("properties") ? "object" : ""));
		}
		if (value.isNull()) {
			if (!types.contains("null") && !schema.path("nullable").asBoolean()) {
				found.add(path + ": null, not nullable");
			}
			return found;
		}
		String type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse("");
		switch (type) {
			case "object" -> {
				if (!value.isObject()) {
					found.add(path + ": not an object");
					return found;
				}
				schema.path("required").forEach(r -> {
					if (!value.has(r.asText())) {
						found.add(path + "." + r.asText() + ": required, missing");
					}
				});
				value.fieldNames().forEachRemaining(name -> {
					JsonNode property = schema.path("properties").get(name);
					if (property == null) {
						found.add(path + "." + name + ": not in the schema");
					}
					else {
						found.addAll(violations(value.get(name), property, path + "." + name));
					}
				});
			}
			case "array" -> {
				if (!value.isArray()) {
					found.add(path + ": not an array");
					return found;
				}
				for (int i = 0; i < value.size(); i++) {
					found.addAll(violations(value.get(i), schema.get("items"), path + "[" + i + "]"));
				}
			}
			case "string" -> {
				if (!value.isTextual()) {
					found.add(path + ": not a string");
				}
				else if ("date-time".equals(schema.path("format").asText())) {
					try {
						OffsetDateTime.parse(value.asText());
					}
					catch (RuntimeException e) {
						found.add(path + ": not an ISO-8601 date-time with offset: " + value.asText());
					}
				}
			}
			case "integer" -> {
				if (!value.isIntegralNumber()) {
					found.add(path + ": not an integer");
				}
			}
			case "number" -> {
				if (!value.isNumber()) {
					found.add(path + ": not a number");
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					found.add(path + ": not a boolean");
				}
			}
			default -> found.add(path + ": schema without a type the check knows: " + schema);
		}
		if (schema.has("enum") && !value.isContainerNode()) {
			List<String> allowed = new ArrayList<>();
			schema.get("enum").forEach(e -> allowed.add(e.asText()));
			if (!allowed.contains(value.asText())) {
				found.add(path + ": " + value.asText() + " not one of " + allowed);
			}
		}
		return found;
	}

}
