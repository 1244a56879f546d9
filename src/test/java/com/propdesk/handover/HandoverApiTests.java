package com.propdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.ApiClient;
import com.propdesk.ApiClient.Answer;
import com.propdesk.PropDeskTest;

/** {@code /api/handovers}: who may read handovers, the filters, and bad input answered 400 naming the field. */
@PropDeskTest
class HandoverApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	long dayHandover;

	@BeforeEach
	void twoHandoversOnADay() {
		api = new ApiClient(port);
		jdbc.update("delete from shift_handover_item where handover_id in (select id from shift_handover where shift_date = date '2026-10-08')");
		jdbc.update("delete from shift_handover where shift_date = date '2026-10-08'");
		jdbc.update("insert into shift_handover (shift_date, shift, shift_start, changed_at, prepared_at, status, handed_over_by, "
				+ "handed_over_at, notes) values (date '2026-10-08', 'day', timestamp with time zone '2026-10-08 08:00:00+08:00', "
				+ "timestamp with time zone '2026-10-08 20:00:00+08:00', timestamp with time zone '2026-10-08 20:00:00+08:00', "
				+ "'handed-over', 'agent', timestamp with time zone '2026-10-08 20:05:00+08:00', '电梯维保单位明早到')");
		jdbc.update("insert into shift_handover (shift_date, shift, shift_start, changed_at, prepared_at, status) values "
				+ "(date '2026-10-08', 'night', timestamp with time zone '2026-10-08 20:00:00+08:00', "
				+ "timestamp with time zone '2026-10-09 08:00:00+08:00', timestamp with time zone '2026-10-09 08:00:00+08:00', 'prepared')");
		dayHandover = jdbc.queryForObject("select id from shift_handover where shift_date = date '2026-10-08' and shift = 'day'", Long.class);
		jdbc.update("insert into shift_handover_item (handover_id, position, kind, title, detail) values (?, 1, 'missed-round', "
				+ "'3号楼 消杀 漏做', '地下车库')", dayHandover);
	}

	private Answer get(String path, String user) throws Exception {
		return api.call("GET", path, null, "Authorization", ApiClient.basic(user));
	}

	@Test
	void listsADaysHandoversByShift() throws Exception {
		Answer both = get("/api/handovers?date=2026-10-08", "agent");
		assertThat(both.status()).isEqualTo(200);
		assertThat(both.body()).hasSize(2);
		assertThat(both.body().get(0).get("shift").asText()).isEqualTo("day");
		assertThat(both.body().get(0).get("shiftLabel").asText()).isEqualTo("白班");
		assertThat(both.body().get(0).get("statusLabel").asText()).isEqualTo("待接班");
		assertThat(both.body().get(0).get("handedOverByName").asText()).isEqualTo("李客服");
		assertThat(both.body().get(0).get("changedAt").asText()).isEqualTo("2026-10-08T20:00:00+08:00");

		Answer night = get("/api/handovers?date=2026-10-08&shift=night", "duty");
		assertThat(night.body()).hasSize(1);
		assertThat(night.body().get(0).get("shift").asText()).isEqualTo("night");
		assertThat(get("/api/handovers?date=2026-10-07", "manager").body()).isEmpty();
	}

	@Test
	void oneHandoverHasItsItemsNotesAndWho() throws Exception {
		Answer one = get("/api/handovers/" + dayHandover, "auditor");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body().get("notes").asText()).isEqualTo("电梯维保单位明早到");
		assertThat(one.body().get("items").get(0).get("kindLabel").asText()).isEqualTo("漏做的例行工作");
		assertThat(one.body().get("items").get(0).get("title").asText()).isEqualTo("3号楼 消杀 漏做");
		assertThat(one.body().get("questions")).isEmpty();
	}

	@Test
	void badDateOrShiftIsAProblemNamingTheField() throws Exception {
		Answer badDate = get("/api/handovers?date=2026-13-01&shift=evening", "agent");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.contentType()).startsWith("application/problem+json");
		assertThat(badDate.body().toString()).contains("\"date\"").contains("\"shift\"");
		Answer noDate = get("/api/handovers", "agent");
		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.body().toString()).contains("\"date\"");
		Answer badId = get("/api/handovers/abc", "agent");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.body().toString()).contains("\"id\"");
		assertThat(get("/api/handovers/999999", "agent").status()).isEqualTo(404);
	}

	@Test
	void onlyTheDeskTheDutyOfficerManagementAndAuditorsReadHandovers() throws Exception {
		for (String reader : new String[] { "agent", "agent2", "duty", "manager", "auditor" }) {
			assertThat(get("/api/handovers?date=2026-10-08", reader).status()).as(reader).isEqualTo(200);
		}
		for (String other : new String[] { "engineer", "cleaner", "guard" }) {
			assertThat(get("/api/handovers?date=2026-10-08", other).status()).as(other).isEqualTo(403);
			assertThat(get("/api/handovers/" + dayHandover, other).status()).as(other).isEqualTo(403);
		}
		assertThat(api.call("GET", "/api/handovers?date=2026-10-08", null).status()).isEqualTo(401);
		assertThat(api.call("GET", "/api/handovers?date=2026-10-08", null, "X-Api-Key", "demo").status()).isEqualTo(403);
	}

}
