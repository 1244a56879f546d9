package com.propdesk.report;

import java.time.OffsetDateTime;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.sla.SlaNames;

/**
 * February 2024 of building 6, which no other test touches: a month small enough to compute by hand (the expected
 * figures are in {@link MonthlyFiguresTests}), with cases just outside its local boundaries, a drill, a repair
 * reopened once, duty rounds planned, done and missed, and repeat faults open, closed in it and closed before it.
 */
final class KnownMonth {

	static final String BUILDING = "6";

	static final YearMonth MONTH = YearMonth.of(2024, 2);

	private KnownMonth() {
	}

	static OffsetDateTime at(String local) {
		return OffsetDateTime.parse(local + "+08:00");
	}

	/** Writes the month once into the shared database. */
	static synchronized void ensure(Archive archive, JdbcTemplate jdbc) {
		if (jdbc.queryForObject("select count(*) from case_record where case_no = 'R-20240201-K1'", Integer.class) > 0) {
			return;
		}
		repair(archive, "R-20240201-K1", "plumbing", "2024-02-01T00:10:00", 24, 600L, 5);
		repair(archive, "R-20240210-K2", "plumbing", "2024-02-10T09:00:00", 24, 180L, 4);
		repair(archive, "R-20240220-K3", "plumbing", "2024-02-20T09:00:00", 72, null, null);
		// reopened: fixed at last in the second round, 300 minutes after intake
		repair(archive, "R-20240229-K4", "lift", "2024-02-29T23:59:00", 24, 60L, null);
		archive.clock("R-20240229-K4", SlaNames.REPAIR_RESOLUTION, 2, at("2024-03-01T01:00:00"), "PT24H",
				at("2024-03-02T01:00:00"), at("2024-03-01T04:59:00"));
		// the month before (its clock is due in February all the same), a drill, and the month after
		repair(archive, "R-20240131-K5", "electrical", "2024-01-31T23:30:00", 24, 60L, 1);
		repair(archive, "R-20240215-K6", "plumbing", "2024-02-15T10:00:00", 24, 60L, 1);
		jdbc.update("update case_record set drill = true where case_no = 'R-20240215-K6'");
		repair(archive, "R-20240301-K7", "lift", "2024-03-01T00:00:00", 24, 60L, 1);

		firstResponse(archive, "C-20240205-K1", "complaint", "2024-02-05T10:00:00", SlaNames.COMPLAINT_FIRST_RESPONSE, 24 * 60, 120, 2);
		firstResponse(archive, "C-20240206-K2", "complaint", "2024-02-06T10:00:00", SlaNames.COMPLAINT_FIRST_RESPONSE, 24 * 60, 1800, null);
		firstResponse(archive, "Q-20240207-K1", "inquiry", "2024-02-07T10:00:00", SlaNames.INQUIRY_FIRST_RESPONSE, 30, 10, 5);
		firstResponse(archive, "Q-20240207-K2", "inquiry", "2024-02-07T11:00:00", SlaNames.INQUIRY_FIRST_RESPONSE, 30, 40, null);
		firstResponse(archive, "Q-20240207-K3", "inquiry", "2024-02-07T12:00:00", SlaNames.INQUIRY_FIRST_RESPONSE, 30, 20, null);

		archive.workLog("corridor-cleaning", BUILDING, "1-18层楼道", at("2024-02-01T08:00:00"), "cleaner");
		archive.workLog("corridor-cleaning", BUILDING, "1-18层楼道", at("2024-02-02T08:00:00"), "cleaner");
		archive.workLog("corridor-cleaning", BUILDING, "1-18层楼道", at("2024-02-29T23:00:00"), "cleaner");
		archive.workLog("corridor-cleaning", BUILDING, "1-18层楼道", at("2024-03-01T00:30:00"), "cleaner");
		archive.workLog("disinfection", BUILDING, "垃圾房", at("2024-02-12T14:00:00"), "cleaner");
		jdbc.update("insert into duty_plan (duty, building_code, department, every_period, round_window, first_start, "
				+ "created_by, created_at) values ('corridor-cleaning', ?, 'cleaning', 'P1D', 'PT12H', ?, 'manager', ?)",
				BUILDING, at("2024-01-01T08:00:00"), at("2024-01-01T08:00:00"));
		long plan = jdbc.queryForObject("select max(id) from duty_plan where building_code = ?", Long.class, BUILDING);
		round(jdbc, plan, "2024-02-01T08:00:00", "done");
		round(jdbc, plan, "2024-02-02T08:00:00", "done");
		round(jdbc, plan, "2024-02-03T08:00:00", "missed");
		round(jdbc, plan, "2024-02-29T20:00:00", "done"); // due in March

		repeatFault(jdbc, "unit", "6-101", "plumbing", "2024-01-20T09:00:00", "2024-02-10T09:00:00", "repair");
		repeatFault(jdbc, "equipment", null, "lift", "2024-02-15T09:00:00", null, null);
		repeatFault(jdbc, "equipment", null, "electrical", "2023-12-01T09:00:00", "2024-01-25T09:00:00", "duty");
	}

	private static void repair(Archive archive, String caseNo, String category, String created, int targetHours,
			Long fixedAfterMinutes, Integer score) {
		OffsetDateTime intake = at(created);
		archive.closedCase(caseNo, "repair", BUILDING, "6-101", category, "P2", "已知月份的报修", intake, intake.plusDays(1), score);
		archive.clock(caseNo, SlaNames.REPAIR_RESOLUTION, 1, intake, "PT" + targetHours + "H", intake.plusHours(targetHours),
				fixedAfterMinutes == null ? null : intake.plusMinutes(fixedAfterMinutes));
	}

	private static void firstResponse(Archive archive, String caseNo, String type, String created, String sla,
			int targetMinutes, int answeredAfter, Integer score) {
		OffsetDateTime intake = at(created);
		archive.closedCase(caseNo, type, BUILDING, null, "other", "P3", "已知月份的" + type, intake, intake.plusDays(2), score);
		archive.clock(caseNo, sla, 1, intake, "PT" + targetMinutes + "M", intake.plusMinutes(targetMinutes),
				intake.plusMinutes(answeredAfter));
	}

	private static void round(JdbcTemplate jdbc, long plan, String starts, String status) {
		jdbc.update("insert into duty_round (plan_id, starts_at, due_at, status) values (?, ?, ?, ?)", plan, at(starts),
				at(starts).plusHours(12), status);
	}

	private static void repeatFault(JdbcTemplate jdbc, String scope, String unit, String category, String flagged,
			String closed, String measure) {
		jdbc.update("insert into repeat_fault (scope, building_code, unit_code, category, flagged_at, status, measure, "
				+ "measure_note, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", scope, BUILDING, unit, category, at(flagged),
				closed == null ? "open" : "closed", measure, measure == null ? null : "已处理", closed == null ? null : at(closed));
	}

}
