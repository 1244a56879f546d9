package com.propdesk.audit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * SLA compliance for management and auditors: clocks started in a period, grouped by case type,
 * priority, department, building, month and shift (day 08:00–20:00, night otherwise, by when the clock
 * started), with breach rates and the median and 90th percentile of first-response and resolution times.
 * Drills are left out.
 */
@Component
public class SlaReport {

	/** Clocks that time the first answer to the owner, and clocks that time the whole resolution. */
	static final Set<String> FIRST_RESPONSE = Set.of("repair-response", "complaint-first-response", "inquiry-first-response",
			"emergency-acknowledgement", "desk-classification");

	static final Set<String> RESOLUTION = Set.of("repair-resolution", "complaint-resolution", "inquiry-promised-reply");

	public static final List<String> DIMENSIONS = List.of("type", "priority", "department", "building", "month", "shift");

	record TimedClock(String caseNo, String type, String priority, String department, String building, String sla,
			OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime metAt, OffsetDateTime breachedAt,
			long pausedMillis) {

		boolean breached() {
			return breachedAt != null || metAt != null && metAt.isAfter(dueAt);
		}

		Long minutes() {
			return metAt == null ? null : Duration.between(startedAt, metAt).minusMillis(pausedMillis).toMinutes();
		}

		String dimension(String name) {
			return switch (name) {
				case "type" -> type;
				case "priority" -> priority == null ? "—" : priority;
				case "department" -> department == null ? "—" : department;
				case "building" -> building == null ? "—" : building;
				case "month" -> DateTimeFormatter.ofPattern("yyyy-MM").format(startedAt);
				case "shift" -> shift(startedAt.toLocalTime());
				default -> throw new IllegalArgumentException(name);
			};
		}

	}

	/** One row of the report: the group's keys and its figures. */
	public record Row(Map<String, String> group, int cases, int clocks, int breached, double breachRate,
			Long firstResponseMedianMinutes, Long firstResponseP90Minutes, Long resolutionMedianMinutes,
			Long resolutionP90Minutes, Map<String, Integer> breachesBySla) {
	}

	private final JdbcTemplate jdbc;

	SlaReport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	static String shift(LocalTime time) {
		return !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(20, 0)) ? "day" : "night";
	}

	public List<Row> report(LocalDate from, LocalDate to, List<String> groupBy) {
		ZoneId zone = ZoneId.systemDefault();
		List<TimedClock> clocks = jdbc.query("select c.case_no, c.type, c.priority, c.department, c.building_code, s.sla, "
				+ "s.started_at, s.due_at, s.met_at, s.breached_at, s.paused_millis from sla_clock s "
				+ "join case_record c on c.case_no = s.case_no where c.drill = false and s.started_at >= ? and s.started_at < ?",
				(rs, i) -> new TimedClock(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), local(rs.getObject(7, OffsetDateTime.class)), local(rs.getObject(8, OffsetDateTime.class)),
						local(rs.getObject(9, OffsetDateTime.class)), local(rs.getObject(10, OffsetDateTime.class)),
						rs.getLong(11)),
				from.atStartOfDay(zone).toOffsetDateTime(), to.atStartOfDay(zone).toOffsetDateTime());
		Function<TimedClock, Map<String, String>> key = clock -> {
			Map<String, String> group = new LinkedHashMap<>();
			groupBy.forEach(dimension -> group.put(dimension, clock.dimension(dimension)));
			return group;
		};
		Map<String, List<TimedClock>> groups = new TreeMap<>(clocks.stream()
				.collect(Collectors.groupingBy(clock -> key.apply(clock).toString())));
		List<Row> rows = new ArrayList<>();
		for (List<TimedClock> group : groups.values()) {
			int breached = (int) group.stream().filter(TimedClock::breached).count();
			Map<String, Integer> bySla = new TreeMap<>(group.stream().filter(TimedClock::breached)
					.collect(Collectors.groupingBy(TimedClock::sla, Collectors.summingInt(c -> 1))));
			List<Long> first = minutes(group, FIRST_RESPONSE);
			List<Long> resolution = minutes(group, RESOLUTION);
			rows.add(new Row(key.apply(group.get(0)), (int) group.stream().map(TimedClock::caseNo).distinct().count(),
					group.size(), breached, Math.round(1000.0 * breached / group.size()) / 1000.0, percentile(first, 50),
					percentile(first, 90), percentile(resolution, 50), percentile(resolution, 90), bySla));
		}
		return rows;
	}

	private static List<Long> minutes(List<TimedClock> clocks, Set<String> slas) {
		return clocks.stream().filter(c -> slas.contains(c.sla())).map(TimedClock::minutes).filter(m -> m != null)
				.sorted(Comparator.naturalOrder()).toList();
	}

	/** Nearest-rank percentile of sorted values; null where there are none. */
	static Long percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static OffsetDateTime local(OffsetDateTime time) {
		return com.propdesk.system.Clock.local(time);
	}

	/** The report as CSV, the same rows and figures as the JSON. */
	public static String csv(List<Row> rows, List<String> groupBy) {
		StringBuilder csv = new StringBuilder(String.join(",", groupBy));
		csv.append(groupBy.isEmpty() ? "" : ",").append("cases,clocks,breached,breachRate,firstResponseMedianMinutes,"
				+ "firstResponseP90Minutes,resolutionMedianMinutes,resolutionP90Minutes,breachesBySla\n");
		for (Row row : rows) {
			for (String dimension : groupBy) {
				csv.append(quote(row.group().get(dimension))).append(',');
			}
			csv.append(row.cases()).append(',').append(row.clocks()).append(',').append(row.breached()).append(',')
					.append(row.breachRate()).append(',').append(blank(row.firstResponseMedianMinutes())).append(',')
					.append(blank(row.firstResponseP90Minutes())).append(',').append(blank(row.resolutionMedianMinutes()))
					.append(',').append(blank(row.resolutionP90Minutes())).append(',')
					.append(quote(row.breachesBySla().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining(";"))))
					.append('\n');
		}
		return csv.toString();
	}

	private static String blank(Long value) {
		return value == null ? "" : value.toString();
	}

	private static String quote(String value) {
		return Csv.cell(value);
	}

}
