package com.propdesk.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.propdesk.system.Clock;

/** Finding cases for review: by number, type, building, unit, category, intake date, status, breached. */
@Component
public class CaseSearch {

	public record Criteria(String caseNo, String type, String building, String unit, String category, LocalDate from,
			LocalDate to, String status, Boolean breached) {
	}

	public record Found(String caseNo, String type, String status, String priority, String department, String building,
			String unit, String category, OffsetDateTime createdAt, int breaches, boolean drill) {
	}

	static final int LIMIT = 1000;

	private final JdbcTemplate jdbc;

	CaseSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Found> search(Criteria c) {
		String breach = "from sla_clock s where s.case_no = r.case_no and (s.breached_at is not null or s.met_at > s.due_at)";
		StringBuilder sql = new StringBuilder("select r.*, (select count(*) " + breach + ") as breaches from case_record r "
				+ "where 1 = 1");
		List<Object> args = new ArrayList<>();
		equal(sql, args, "r.case_no", c.caseNo());
		equal(sql, args, "r.type", c.type());
		equal(sql, args, "r.building_code", c.building());
		equal(sql, args, "r.unit_code", c.unit());
		equal(sql, args, "r.category", c.category());
		equal(sql, args, "r.status", c.status());
		ZoneId zone = ZoneId.systemDefault();
		if (c.from() != null) {
			sql.append(" and r.created_at >= ?");
			args.add(c.from().atStartOfDay(zone).toOffsetDateTime());
		}
		if (c.to() != null) {
			sql.append(" and r.created_at < ?");
			args.add(c.to().atStartOfDay(zone).toOffsetDateTime());
		}
		if (c.breached() != null) {
			sql.append(c.breached() ? " and exists (select 1 " : " and not exists (select 1 ").append(breach).append(")");
		}
		// the database stops at the limit: an unfiltered search over years of cases reads one page
		sql.append(" order by r.created_at desc, r.case_no limit ").append(LIMIT);
		List<Found> found = jdbc.query(sql.toString(), (rs, i) -> new Found(rs.getString("case_no"), rs.getString("type"),
				rs.getString("status"), rs.getString("priority"), rs.getString("department"), rs.getString("building_code"),
				rs.getString("unit_code"), rs.getString("category"), Clock.local(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getInt("breaches"), rs.getBoolean("drill")), args.toArray());
		return found;
	}

	private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
		if (value != null && !value.isBlank()) {
			sql.append(" and ").append(column).append(" = ?");
			args.add(value);
		}
	}

	public static String csv(List<Found> rows) {
		return "caseNo,type,status,priority,department,building,unit,category,createdAt,breaches,drill\n"
				+ rows.stream().map(f -> String.join(",", Csv.cell(f.caseNo()), Csv.cell(f.type()), Csv.cell(f.status()),
						Csv.cell(f.priority()), Csv.cell(f.department()), Csv.cell(f.building()), Csv.cell(f.unit()),
						Csv.cell(f.category()), f.createdAt().toString(), String.valueOf(f.breaches()), String.valueOf(f.drill())))
						.collect(Collectors.joining("\n", "", rows.isEmpty() ? "" : "\n"));
	}

}
