package com.propdesk.emergency;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/** The plan library's staff API: everyone on staff reads it, management publishes new versions. */
@PropDeskTest
class EmergencyPlanApiTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void staffReadTheCurrentPlansAndTheirVersions() throws Exception {
		Answer all = api.call("GET", "/api/emergency-plans", null, "Authorization", basic("guard"));
		Answer fire = api.call("GET", "/api/emergency-plans/fire", null, "Authorization", basic("duty"));

		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(fire.body().get("current").get("contacts").asText()).contains("119");
		assertThat(fire.body().get("versions")).isNotEmpty();
		assertThat(api.call("GET", "/api/emergency-plans/flood", null, "Authorization", basic("duty")).status()).isEqualTo(404);
	}

	@Test
	void managementPublishesANewVersionOthersCannot() throws Exception {
		String change = """
				{"title": "停水", "lifeSafety": false, "steps": "1. 检查二次供水；2. 通知住户", "contacts": "96116",
				 "changeNote": "增加通知住户"}""";
		int before = api.call("GET", "/api/emergency-plans/water-cut", null, "Authorization", basic("manager")).body()
				.get("current").get("version").asInt();

		Answer byDuty = api.call("POST", "/api/emergency-plans/water-cut", change, "Authorization", basic("duty"));
		Answer invalid = api.call("POST", "/api/emergency-plans/water-cut", "{\"title\": \"\"}", "Authorization", basic("manager"));
		Answer published = api.call("POST", "/api/emergency-plans/water-cut", change, "Authorization", basic("manager"));

		assertThat(byDuty.status()).isEqualTo(403);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(published.status()).isEqualTo(201);
		assertThat(published.body().get("version").asInt()).isEqualTo(before + 1);
		assertThat(published.body().get("changedBy").asText()).isEqualTo("manager");
	}

}
