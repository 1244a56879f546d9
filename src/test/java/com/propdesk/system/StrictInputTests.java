package com.propdesk.system;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/**
 * The staff APIs beside the case API read their bodies as strictly: every text within its column, no control
 * characters, no names of invisible characters, no unknown fields, no coerced values, nothing after the JSON.
 */
@PropDeskTest
class StrictInputTests {

	private static final String RESIDENT = """
			{"unit": "2-1502", "name": "钱奶奶", "phone": "13700005678", "role": "owner", "elderlyAlone": true,
			 "specialNeeds": "听力不好"}""";

	private static final String TECHNICIAN = """
			{"username": "engineer6", "name": "冯师傅", "department": "engineering", "skills": ["lift"],
			 "zone": "B", "baseBuilding": "6", "shift": "NIGHT", "active": true}""";

	private static final String PLAN = """
			{"title": "停水", "lifeSafety": false, "steps": "1. 检查二次供水；2. 通知住户", "contacts": "96116",
			 "changeNote": "增加通知住户"}""";

	private static final String ENTRY = """
			{"code": "strict-entry", "category": "services", "question": "快递放在哪里？",
			 "answer": "快递请到东门快递柜领取。", "keywords": ["快递", "东门"]}""";

	/** What one bad request changes if it is wrongly accepted: the rows of its table. */
	record Write(String method, String path, String user, String table, String body) {
	}

	private static Write resident(String body) {
		return new Write("POST", "/api/registry/residents", "agent", "resident", body);
	}

	private static Write technician(String body) {
		return new Write("PUT", "/api/registry/technicians/engineer6", "manager", "technician", body);
	}

	private static Write plan(String body) {
		return new Write("POST", "/api/emergency-plans/water-cut", "manager", "emergency_plan", body);
	}

	private static Write entry(String body) {
		return new Write("POST", "/api/knowledge/entries", "manager", "kb_entry", body);
	}

	static Stream<Arguments> badWrites() {
		return Stream.of(
				Arguments.of("a resident named by zero-width spaces", "name", resident(RESIDENT.replace("钱奶奶", "\\u200B\\u200B"))),
				Arguments.of("a NUL in a resident's name", "name", resident(RESIDENT.replace("钱奶奶", "钱\\u0000奶奶"))),
				Arguments.of("a resident's special needs too long", "specialNeeds",
						resident(RESIDENT.replace("听力不好", "听".repeat(201)))),
				Arguments.of("a number for a resident's name", "name", resident(RESIDENT.replace("\"钱奶奶\"", "42"))),
				Arguments.of("a string for a flag", "elderlyAlone", resident(RESIDENT.replace("true", "\"yes\""))),
				Arguments.of("a number for a flag", "elderlyAlone", resident(RESIDENT.replace("true", "1"))),
				Arguments.of("an unknown resident field", "idCard", resident(RESIDENT.replace("{", "{\"idCard\": \"1\", "))),
				Arguments.of("trailing garbage after a resident", "body", resident(RESIDENT + "]")),
				Arguments.of("skills longer than their column", "skills",
						technician(TECHNICIAN.replace("[\"lift\"]", "[" + "\"lift\", ".repeat(50) + "\"lift\"]"))),
				Arguments.of("a skill with a comma", "skills", technician(TECHNICIAN.replace("\"lift\"", "\"lift,gas\""))),
				Arguments.of("a technician named by a byte order mark", "name",
						technician(TECHNICIAN.replace("冯师傅", "\\uFEFF"))),
				Arguments.of("a plan title longer than its column", "title", plan(PLAN.replace("停水", "停".repeat(101)))),
				Arguments.of("a plan change note longer than its column", "changeNote",
						plan(PLAN.replace("增加通知住户", "增".repeat(1001)))),
				Arguments.of("a NUL in a plan's steps", "steps", plan(PLAN.replace("通知住户\"", "通知住户\\u0000\""))),
				Arguments.of("a plan title of zero-width spaces", "title", plan(PLAN.replace("停水", "\\u200B"))),
				Arguments.of("a string for lifeSafety", "lifeSafety", plan(PLAN.replace("false", "\"false\""))),
				Arguments.of("an unknown plan field", "version", plan(PLAN.replace("{", "{\"version\": 9, "))),
				Arguments.of("a knowledge question of zero-width spaces", "question",
						entry(ENTRY.replace("快递放在哪里？", "\\u200B\\u2060"))),
				Arguments.of("a NUL in a knowledge answer", "answer", entry(ENTRY.replace("领取。", "领取。\\u0000"))),
				Arguments.of("a control character in a keyword", "keywords", entry(ENTRY.replace("东门\"]", "东\\u0008门\"]"))),
				Arguments.of("a number for a keyword", "keywords[1]", entry(ENTRY.replace("\"东门\"", "7"))),
				Arguments.of("an unknown knowledge field", "department",
						entry(ENTRY.replace("{", "{\"department\": \"management\", "))),
				Arguments.of("trailing garbage after a knowledge entry", "body", entry(ENTRY + "}")));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badWrites")
	void badInputIsRefusedNamingTheFieldAndChangesNothing(String what, String field, Write write) throws Exception {
		String rows = "select count(*) from " + write.table();
		long before = jdbc.queryForObject(rows, Long.class);
		var technician = jdbc.queryForList("select * from technician where username = 'engineer6'");

		Answer answer = api.call(write.method(), write.path(), write.body(), "Authorization", basic(write.user()));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("errors").findValuesAsText("field")).contains(field);
		assertThat(answer.body().get("detail").asText()).contains(field);
		assertThat(jdbc.queryForObject(rows, Long.class)).isEqualTo(before);
		assertThat(jdbc.queryForList("select * from technician where username = 'engineer6'")).isEqualTo(technician);
	}

	static Stream<Arguments> goodWrites() {
		return Stream.of(
				Arguments.of("a resident at every limit", resident(RESIDENT.replace("钱奶奶", "钱".repeat(64))
						.replace("听力不好", "听\\n".repeat(100)))),
				Arguments.of("a plan at every limit", plan(PLAN.replace("停水", "停".repeat(100))
						.replace("增加通知住户", "增".repeat(1000)).replace("96116", "9".repeat(500)))),
				Arguments.of("a knowledge entry at every limit", entry(ENTRY.replace("快递放在哪里？", "问".repeat(500))
						.replace("快递请到东门快递柜领取。", "答\\r\\n\\t".repeat(1000)))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goodWrites")
	void inputAtItsLimitsIsStored(String what, Write write) throws Exception {
		String rows = "select count(*) from " + write.table();
		long before = jdbc.queryForObject(rows, Long.class);

		Answer answer = api.call(write.method(), write.path(), write.body(), "Authorization", basic(write.user()));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(jdbc.queryForObject(rows, Long.class)).isEqualTo(before + 1);
	}

}
