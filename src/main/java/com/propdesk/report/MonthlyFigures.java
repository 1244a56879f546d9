package com.propdesk.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.propdesk.sla.SlaNames;
import com.propdesk.worklog.Duty;

/**
 * The figures of one building's month as the report shows them, computed from rows the database gave (see
 * {@link ReportData}) without touching it.
 * <ul>
 * <li>Cases count in the month of their intake; drills are left out before they get here.</li>
 * <li>Time to fix a repair: from intake to the moment its last {@code repair-resolution} round was met (the work
 * accepted), over the repairs of the month that have been fixed.</li>
 * <li>First response: the first round of the type's first-response clock, met minus started; within target when it
 * was met by its due time (24 h for complaints, 30 min for inquiries, as the {@code sla-policy} table set them).</li>
 * <li>SLA compliance: the clocks due in the month, those met by their due time over all of them (a clock stopped
 * without being met, e.g. a repair promoted to an emergency, is left out).</li>
 * </ul>
 *
 * @param building      building code
 * @param month         {@code yyyy-MM}
 * @param duties        rounds of the duties owners never see, in {@link #REPORTED_DUTIES} order
 * @param repairs       repairs by category, most first
 * @param complaints    complaints of the month
 * @param inquiries     inquiries of the month
 * @param sla           SLA compliance of the clocks due in the month
 * @param satisfaction  owners' scores of the month's cases
 * @param repeatFaults  repeat faults flagged in the month or open during it
 */
public record MonthlyFigures(String building, String month, List<DutyRounds> duties, List<RepairCategory> repairs,
		Responses complaints, Responses inquiries, Compliance sla, Satisfaction satisfaction,
		List<RepeatFaultLine> repeatFaults) {

	/** The duties the report shows: cleaning, disinfection and the equipment maintained (patrols are not reported). */
	static final List<Duty> REPORTED_DUTIES = List.of(Duty.CORRIDOR_CLEANING, Duty.DISINFECTION,
			Duty.EQUIPMENT_INSPECTION, Duty.PUMP_ROOM, Duty.LIFT_MAINTENANCE);

	/**
	 * @param planned rounds planned with a due time in the month; null where the duty has no planned rounds
	 * @param missed  of those, rounds missed; null likewise
	 */
	public record DutyRounds(String duty, String label, int done, Integer planned, Integer missed) {
	}

	public record RepairCategory(String category, String label, int count, int fixed, Long medianMinutesToFix) {
	}

	/**
	 * @param answered       cases whose first response was given
	 * @param withinTarget   of those, answered by the due time
	 * @param shareWithinTarget withinTarget over the cases whose first response was due (answered or overdue); null
	 *                       when none was
	 */
	public record Responses(int count, int answered, Long medianFirstResponseMinutes, int withinTarget,
			Double shareWithinTarget) {
	}

	public record Compliance(int due, int metOnTime, Double share) {
	}

	public record Satisfaction(int count, Double average) {
	}

	public record RepeatFaultLine(long id, String subject, OffsetDateTime flaggedAt, String status, String measure,
			String measureNote, OffsetDateTime closedAt) {
	}

	/** A case of the building opened in the month (not a drill). */
	public record CaseRow(String caseNo, String type, String category, OffsetDateTime createdAt, Integer feedbackScore) {
	}

	/** A round of an SLA clock. */
	public record ClockRow(String caseNo, String sla, int round, OffsetDateTime startedAt, OffsetDateTime dueAt,
			OffsetDateTime metAt, OffsetDateTime stoppedAt) {

		boolean metOnTime() {
			return metAt != null && !metAt.isAfter(dueAt);
		}

	}

	/** How many work logs of a duty the month has. */
	public record LogCount(String duty, int count) {
	}

	/** How many planned rounds of a duty, due in the month, have a status ({@code due}, {@code done}, {@code missed}). */
	public record RoundCount(String duty, String status, int count) {
	}

	/** Everything the figures are computed from. */
	public record Rows(List<CaseRow> cases, List<ClockRow> clocksOfCases, List<ClockRow> clocksDue, List<LogCount> logs,
			List<RoundCount> rounds, List<RepeatFaultLine> repeatFaults) {
	}

	/**
	 * @param categoryLabels the Chinese name of a repair category
	 * @param now            when the report is drafted: a first response not given is overdue only once it was due
	 */
	static MonthlyFigures compute(String building, YearMonth month, Rows rows, Function<String, String> categoryLabels,
			OffsetDateTime now) {
		return new MonthlyFigures(building, month.toString(), duties(rows), repairs(rows, categoryLabels),
				responses(rows, "complaint", SlaNames.COMPLAINT_FIRST_RESPONSE, now),
				responses(rows, "inquiry", SlaNames.INQUIRY_FIRST_RESPONSE, now), compliance(rows.clocksDue()),
				satisfaction(rows.cases()), List.copyOf(rows.repeatFaults()));
	}

	private static List<DutyRounds> duties(Rows rows) {
		Map<String, Integer> done = rows.logs().stream()
				.collect(Collectors.toMap(LogCount::duty, LogCount::count, Integer::sum));
		List<DutyRounds> duties = new ArrayList<>();
		for (Duty duty : REPORTED_DUTIES) {
			List<RoundCount> rounds = rows.rounds().stream().filter(r -> r.duty().equals(duty.code())).toList();
			Integer planned = rounds.isEmpty() ? null : rounds.stream().mapToInt(RoundCount::count).sum();
			Integer missed = rounds.isEmpty() ? null
					: rounds.stream().filter(r -> "missed".equals(r.status())).mapToInt(RoundCount::count).sum();
			int count = done.getOrDefault(duty.code(), 0);
			// a duty the building has neither planned nor logged (no pump room) is not reported as done 0 times
			if (count > 0 || planned != null) {
				duties.add(new DutyRounds(duty.code(), duty.label(), count, planned, missed));
			}
		}
		return duties;
	}

	private static List<RepairCategory> repairs(Rows rows, Function<String, String> categoryLabels) {
		Map<String, OffsetDateTime> fixedAt = new LinkedHashMap<>();
		rows.clocksOfCases().stream().filter(c -> c.sla().equals(SlaNames.REPAIR_RESOLUTION) && c.metAt() != null)
				.sorted(Comparator.comparingInt(ClockRow::round))
				.forEach(c -> fixedAt.put(c.caseNo(), c.metAt()));
		Map<String, List<CaseRow>> byCategory = rows.cases().stream().filter(c -> c.type().equals("repair"))
				.collect(Collectors.groupingBy(c -> Objects.requireNonNullElse(c.category(), "other"), LinkedHashMap::new,
						Collectors.toList()));
		List<RepairCategory> repairs = new ArrayList<>();
		byCategory.forEach((category, cases) -> {
			List<Long> minutes = cases.stream().filter(c -> fixedAt.containsKey(c.caseNo()))
					.map(c -> Duration.between(c.createdAt(), fixedAt.get(c.caseNo())).toMinutes()).sorted().toList();
			repairs.add(new RepairCategory(category, categoryLabels.apply(category), cases.size(), minutes.size(),
					median(minutes)));
		});
		repairs.sort(Comparator.comparingInt(RepairCategory::count).reversed().thenComparing(RepairCategory::category));
		return repairs;
	}

	private static Responses responses(Rows rows, String type, String sla, OffsetDateTime now) {
		List<String> caseNos = rows.cases().stream().filter(c -> c.type().equals(type)).map(CaseRow::caseNo).toList();
		List<ClockRow> first = rows.clocksOfCases().stream()
				.filter(c -> c.sla().equals(sla) && c.round() == 1 && caseNos.contains(c.caseNo())).toList();
		List<ClockRow> answered = first.stream().filter(c -> c.metAt() != null).toList();
		List<Long> minutes = answered.stream().map(c -> Duration.between(c.startedAt(), c.metAt()).toMinutes()).sorted()
				.toList();
		int within = (int) answered.stream().filter(ClockRow::metOnTime).count();
		long due = first.stream().filter(c -> c.metAt() != null || (c.stoppedAt() == null && !c.dueAt().isAfter(now)))
				.count();
		return new Responses(caseNos.size(), answered.size(), median(minutes), within, due == 0 ? null : share(within, due));
	}

	private static Compliance compliance(List<ClockRow> due) {
		List<ClockRow> counted = due.stream().filter(c -> c.metAt() != null || c.stoppedAt() == null).toList();
		int onTime = (int) counted.stream().filter(ClockRow::metOnTime).count();
		return new Compliance(counted.size(), onTime, counted.isEmpty() ? null : share(onTime, counted.size()));
	}

	private static Satisfaction satisfaction(List<CaseRow> cases) {
		List<Integer> scores = cases.stream().map(CaseRow::feedbackScore).filter(Objects::nonNull).toList();
		Double average = scores.isEmpty() ? null
				: Math.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10) / 10.0;
		return new Satisfaction(scores.size(), average);
	}

	/** The median of sorted values, the lower middle one for an even count; null where there are none. */
	static Long median(List<Long> sorted) {
		return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
	}

	private static double share(long part, long whole) {
		return Math.round(1000.0 * part / whole) / 1000.0;
	}

}
