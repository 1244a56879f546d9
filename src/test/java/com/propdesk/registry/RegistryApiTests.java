package com.propdesk.registry;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/** The staff API that keeps the estate current, on the demo estate 翠湖花园. */
@PropDeskTest
class RegistryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	RegistryRepository registry;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void staffReadTheDemoEstate() throws Exception {
		Answer buildings = api.call("GET", "/api/registry/buildings", null, "Authorization", basic("engineer"));
		Answer units = api.call("GET", "/api/registry/buildings/3/units", null, "Authorization", basic("agent"));
		Answer residents = api.call("GET", "/api/registry/units/3-701/residents", null, "Authorization", basic("agent"));
		Answer roster = api.call("GET", "/api/registry/technicians", null, "Authorization", basic("duty"));

		assertThat(buildings.status()).isEqualTo(200);
		assertThat(buildings.body()).hasSize(6);
		assertThat(buildings.body().get(2).get("zone").asText()).isEqualTo("A");
		assertThat(units.body()).hasSize(36);
		assertThat(residents.body().get(0).get("elderlyAlone").asBoolean()).isTrue();
		List<String> usernames = new ArrayList<>();
		roster.body().forEach(t -> usernames.add(t.get("username").asText()));
		assertThat(usernames).contains("engineer", "engineer2", "engineer3", "engineer4", "cleaner", "guard");
	}

	@Test
	void serviceDeskKeepsResidentsContactsCurrent() throws Exception {
		Answer added = api.call("POST", "/api/registry/residents", """
				{"unit": "2-1502", "name": "钱奶奶", "phone": "13700001234", "role": "family",
				 "elderlyAlone": true, "specialNeeds": "听力不好，请发短信"}""", "Authorization", basic("agent"));
		assertThat(added.status()).isEqualTo(201);
		long id = added.body().get("id").asLong();

		Answer changed = api.call("PUT", "/api/registry/residents/" + id, """
				{"unit": "2-1502", "name": "钱奶奶", "phone": "13700005678", "role": "family", "elderlyAlone": true}""",
				"Authorization", basic("agent"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(registry.resident(id).orElseThrow().phone()).isEqualTo("13700005678");
		assertThat(api.call("DELETE", "/api/registry/residents/" + id, null, "Authorization", basic("agent")).status())
				.isEqualTo(204);
		assertThat(registry.resident(id)).isEmpty();
	}

	@Test
	void managementKeepsTheRoster() throws Exception {
		Answer saved = api.call("PUT", "/api/registry/technicians/engineer6", """
				{"username": "engineer6", "name": "冯师傅", "department": "engineering", "skills": ["lift"],
				 "zone": "B", "baseBuilding": "6", "shift": "NIGHT", "active": false}""", "Authorization", basic("manager"));

		assertThat(saved.status()).isEqualTo(200);
		assertThat(registry.technician("engineer6").orElseThrow().skills()).containsExactly("lift");
	}

	@Test
	void invalidRecordsAreRefusedNamingTheFields() throws Exception {
		Answer badResident = api.call("POST", "/api/registry/residents", """
				{"unit": "9-999", "name": "", "phone": "abc", "role": "friend"}""", "Authorization", basic("agent"));
		Answer unknownUnit = api.call("POST", "/api/registry/residents", """
				{"unit": "9-999", "name": "某人", "phone": "13700001234", "role": "owner"}""", "Authorization", basic("agent"));
		Answer badTechnician = api.call("PUT", "/api/registry/technicians/x", """
				{"username": "y", "name": "某", "department": "kitchen", "skills": [], "zone": "Z", "baseBuilding": "1",
				 "shift": "DAY", "active": true}""", "Authorization", basic("manager"));

		assertThat(badResident.status()).isEqualTo(400);
		assertThat(fields(badResident)).contains("name", "phone", "role");
		assertThat(fields(unknownUnit)).containsExactly("unit");
		assertThat(badTechnician.status()).isEqualTo(400);
		assertThat(fields(badTechnician)).contains("department", "skills");
		assertThat(badTechnician.contentType()).startsWith("application/problem+json");
	}

	@Test
	void writesNeedTheRightGroupAndReadsNeedStaff() throws Exception {
		Answer engineerWrites = api.call("PUT", "/api/registry/zones/C", """
				{"code": "C", "name": "东区"}""", "Authorization", basic("engineer"));
		Answer channelReads = api.call("GET", "/api/registry/buildings", null, "X-Api-Key", "demo");
		Answer nobody = api.call("GET", "/api/registry/buildings", null);

		assertThat(engineerWrites.status()).isEqualTo(403);
		assertThat(registry.zone("C")).isEmpty();
		assertThat(channelReads.status()).isEqualTo(403);
		assertThat(nobody.status()).isEqualTo(401);
	}

	private static List<String> fields(Answer answer) {
		List<String> fields = new ArrayList<>();
		answer.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		return fields;
	}

}
