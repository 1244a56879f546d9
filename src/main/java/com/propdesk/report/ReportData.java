package com.propdesk.report;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.propdesk.intake.CaseTypes;
import com.propdesk.report.MonthlyFigures.CaseRow;
import com.propdesk.report.MonthlyFigures.ClockRow;
import com.propdesk.report.MonthlyFigures.LogCount;
import com.propdesk.report.MonthlyFigures.RepeatFaultLine;
import com.propdesk.report.MonthlyFigures.RoundCount;
import com.propdesk.report.MonthlyFigures.Rows;
import com.propdesk.system.Clock;

/**
 * Reads a building's month for its report: each query is bounded by the building and the month and served by an
 * index (cases by building and intake, clocks by due time or by case, work logs by building and time, rounds by
 * plan).
 */
@Component
class ReportData {

	/** Month boundaries are the estate's local midnights. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcTemplate jdbc;

	private final CaseTypes caseTypes;

	ReportData(JdbcTemplate jdbc, CaseTypes caseTypes) {
		this.jdbc = jdbc;
		this.caseTypes = caseTypes;
	}

	static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZONE).toOffsetDateTime();
	}

	MonthlyFigures figures(String building, YearMonth month) {
		return MonthlyFigures.compute(building, month, rows(building, month),
				category -> caseTypes.find("repair").map(t -> t.categoryLabel(category)).orElse(category), Clock.now());
	}

	Rows rows(String building, YearMonth month) {
		OffsetDateTime from = start(month);
		OffsetDateTime to = start(month.plusMonths(1));
		List<CaseRow> cases = jdbc.query("select case_no, type, category, created_at, feedback_score from case_record "
				+ "where building_code = ? and created_at >= ? and created_at < ? and drill = false",
				(rs, i) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class), (Integer) rs.getObject(5, Integer.class)),
				building, from, to);
		List<ClockRow> clocksOfCases = jdbc.query(CLOCKS + "where c.building_code = ? and c.created_at >= ? "
				+ "and c.created_at < ? and c.drill = false", CLOCK, building, from, to);
		List<ClockRow> clocksDue = jdbc.query(CLOCKS + "where s.due_at >= ? and s.due_at < ? and c.building_code = ? "
				+ "and c.drill = false", CLOCK, from, to, building);
		List<LogCount> logs = jdbc.query("select duty, count(*) from work_log where building_code = ? and done_at >= ? "
				+ "and done_at < ? group by duty", (rs, i) -> new LogCount(rs.getString(1), rs.getInt(2)), building, from, to);
		List<RoundCount> rounds = jdbc.query("select p.duty, r.status, count(*) from duty_plan p "
				+ "join duty_round r on r.plan_id = p.id where p.building_code = ? and r.due_at >= ? and r.due_at < ? "
				+ "group by p.duty, r.status",
				(rs, i) -> new RoundCount(rs.getString(1), rs.getString(2), rs.getInt(3)), building, from, to);
		List<RepeatFaultLine> repeatFaults = jdbc.query("select id, scope, unit_code, category, flagged_at, status, "
				+ "measure, measure_note, closed_at from repeat_fault where building_code = ? and flagged_at < ? "
				+ "and (closed_at is null or closed_at >= ?) order by flagged_at, id",
				(rs, i) -> new RepeatFaultLine(rs.getLong(1), subject(rs.getString(2), rs.getString(3), rs.getString(4)),
						local(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), rs.getString(7), rs.getString(8),
						local(rs.getObject(9, OffsetDateTime.class))),
				building, to, from);
		return new Rows(cases, clocksOfCases, clocksDue, logs, rounds, repeatFaults);
	}

	private String subject(String scope, String unit, String category) {
		String label = category == null ? null : caseTypes.find("repair").map(t -> t.categoryLabel(category)).orElse(category);
		if (unit != null) {
			// the report goes to every owner of the building: a flat's repairs are told, not which flat had them
			return "一户住户的" + (label == null ? "报修" : label);
		}
		return label == null ? scope : label;
	}

	private static final String CLOCKS = "select s.case_no, s.sla, s.round, s.started_at, s.due_at, s.met_at, s.stopped_at "
			+ "from sla_clock s join case_record c on c.case_no = s.case_no ";

	private static final org.springframework.jdbc.core.RowMapper<ClockRow> CLOCK = (rs, i) -> new ClockRow(
			rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class),
			rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));

	private static OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : Clock.local(time);
	}

}
