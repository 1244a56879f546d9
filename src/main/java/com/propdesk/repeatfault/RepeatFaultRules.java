package com.propdesk.repeatfault;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.propdesk.repair.RepairCaseType;
import com.propdesk.system.Clock;
import com.propdesk.worklog.Duty;
import com.propdesk.worklog.Periods;

/**
 * What counts as a repeat fault, without the engine: which repairs are about the same subject (a flat, or one kind
 * of a building's shared equipment) and when three of them fall within 90 days.
 */
final class RepeatFaultRules {

	private RepeatFaultRules() {
	}

	/** Three repairs of one subject within this span make a repeat fault. */
	static final Duration WINDOW = Duration.ofDays(90);

	static final int REPEATS = 3;

	/**
	 * Categories that are the building's equipment wherever they are reported from: a lift, the access control, the
	 * fire-protection system serve the whole building, so a flat reporting the lift is about the lift, not the flat.
	 */
	static final Set<String> BUILDING_EQUIPMENT = Set.of("lift", "door-access", "fire");

	enum Scope {

		UNIT("unit", "同一房屋"), EQUIPMENT("equipment", "同一楼栋公共设备");

		final String code;

		final String label;

		Scope(String code, String label) {
			this.code = code;
			this.label = label;
		}

		static Scope of(String code) {
			for (Scope scope : values()) {
				if (scope.code.equals(code)) {
					return scope;
				}
			}
			throw new IllegalArgumentException("No scope " + code);
		}

	}

	/** A repair as detection reads it. */
	record Repair(String caseNo, OffsetDateTime at, String building, String unit, String category) {
	}

	/** What repeats: a flat ({@code unit:3-1201}), or one kind of equipment in a building ({@code equipment:3:lift}). */
	record Subject(Scope scope, String building, String unit, String category) {

		/** The repeat_fault.open_subject of an open flag about this subject. */
		String key() {
			return scope == Scope.UNIT ? "unit:" + unit : "equipment:" + building + ":" + category;
		}

		/** What staff read: {@code 3-1201}, {@code 3号楼 电梯}. */
		String label() {
			return scope == Scope.UNIT ? unit
					: building + "号楼 " + RepairCaseType.CATEGORIES.getOrDefault(category, category);
		}

	}

	/**
	 * The subject a repair is about, if any. A flat's own repairs (its pipes, its sockets, its windows) are about the
	 * flat; the building's equipment (a lift, access control, fire protection) is about the building whoever reports it;
	 * an equipment failure with no flat named (the pump room, a riser, the corridor lights) is about that kind of
	 * equipment in the building. Many plumbing repairs in different flats of one building are many flats, not one
	 * repeat fault, and a public-area repair that is not equipment (a cracked step, litter) repeats nothing.
	 */
	static Optional<Subject> subject(Repair repair) {
		String category = repair.category();
		if (repair.building() == null || category == null) {
			return Optional.empty();
		}
		if (BUILDING_EQUIPMENT.contains(category) || (repair.unit() == null && RepairCaseType.EQUIPMENT.contains(category))) {
			return Optional.of(new Subject(Scope.EQUIPMENT, repair.building(), null, category));
		}
		if (repair.unit() != null) {
			return Optional.of(new Subject(Scope.UNIT, repair.building(), repair.unit(), null));
		}
		return Optional.empty();
	}

	/**
	 * The repairs that make a new repeat fault when {@code latest} arrives: those of its subject not yet in a flag, in
	 * the 90 days up to it, when there are at least three of them; otherwise none.
	 */
	static List<Repair> newFlag(List<Repair> unflagged, Repair latest) {
		List<Repair> window = unflagged.stream()
				.filter(r -> !r.at().isAfter(latest.at()) && !r.at().isBefore(latest.at().minus(WINDOW)))
				.sorted(Comparator.comparing(Repair::at)).toList();
		return window.size() >= REPEATS ? window : List.of();
	}

	/**
	 * The repeat faults a subject's history holds, oldest first, as if it had been watched from the start: three repairs
	 * within 90 days open one, and the next repairs join it until 90 days pass without one; then it takes three again.
	 */
	static List<List<Repair>> episodes(List<Repair> history) {
		List<List<Repair>> episodes = new ArrayList<>();
		List<Repair> open = null;
		List<Repair> pending = new ArrayList<>();
		for (Repair repair : history.stream().sorted(Comparator.comparing(Repair::at)).toList()) {
			if (open != null && !repair.at().isAfter(open.get(open.size() - 1).at().plus(WINDOW))) {
				open.add(repair);
				continue;
			}
			open = null;
			pending.add(repair);
			List<Repair> flagged = newFlag(pending, repair);
			if (!flagged.isEmpty()) {
				open = new ArrayList<>(flagged);
				episodes.add(open);
				pending.clear();
			}
		}
		return episodes;
	}

	/** Repairs by the subject they are about; those about none are left out. */
	static Map<Subject, List<Repair>> bySubject(List<Repair> repairs) {
		Map<Subject, List<Repair>> grouped = new LinkedHashMap<>();
		for (Repair repair : repairs) {
			subject(repair).ifPresent(s -> grouped.computeIfAbsent(s, k -> new ArrayList<>()).add(repair));
		}
		return grouped;
	}

	/**
	 * How often a preventive duty may be planned: the ISO-8601 period of duty_plan.every_period → its name, the
	 * frequencies the duty plans take ({@link Periods#CHOICES}).
	 */
	static final Map<String, String> FREQUENCIES = Periods.CHOICES.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a, LinkedHashMap::new));

	/**
	 * How long after its start a round of a preventive duty may be recorded before it counts as missed: the whole
	 * period for rounds every few hours or daily, three days for weekly and rarer ones (a contractor's visit).
	 */
	static String roundWindow(String everyPeriod) {
		if (!FREQUENCIES.containsKey(everyPeriod)) {
			throw new IllegalArgumentException("频次：请在列表中选择");
		}
		return everyPeriod.startsWith("PT") || everyPeriod.equals("P1D") ? everyPeriod : "P3D";
	}

	/** A preventive duty as management planned it, checked. */
	record DutyMeasure(Duty duty, String building, String location, String every, String window, OffsetDateTime firstStart,
			String contractor, String note) {

		/** What the flag records of it. */
		String summary() {
			return duty.label() + " · " + building + "号楼" + (location == null ? "" : " " + location) + " · "
					+ FREQUENCIES.get(every) + " · 自 " + firstStart.toLocalDate() + " 起"
					+ (contractor == null ? "" : " · 维保单位：" + contractor) + (note == null ? "" : "；" + note);
		}

	}

	static DutyMeasure dutyMeasure(String duty, String building, String location, String frequency, OffsetDateTime firstStart,
			String contractor, String note) {
		List<String> problems = new ArrayList<>();
		Optional<Duty> planned = Duty.ofCode(duty == null ? "" : duty);
		if (planned.isEmpty()) {
			problems.add("预防性工作：请在列表中选择");
		}
		if (blank(building)) {
			problems.add("楼栋：必填");
		}
		if (!FREQUENCIES.containsKey(frequency == null ? "" : frequency)) {
			problems.add("频次：请在列表中选择");
		}
		if (firstStart == null) {
			problems.add("首次开始：必填");
		}
		else if (firstStart.isAfter(Clock.now().plus(Periods.FIRST_START_RANGE))) {
			// a measure that begins in years closes the flag without preventing anything; the plans' own rule
			problems.add("首次开始：应在一年之内");
		}
		tooLong(problems, "地点", location, 200);
		tooLong(problems, "维保单位", contractor, 64);
		tooLong(problems, "说明", note, 500);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("；", problems));
		}
		return new DutyMeasure(planned.get(), building, nullIfBlank(location), frequency, roundWindow(frequency), firstStart,
				nullIfBlank(contractor), nullIfBlank(note));
	}

	/** A repair of the cause as management ordered it, checked. */
	record CauseRepair(String category, String description, String note) {

		String summary() {
			return RepairCaseType.CATEGORIES.get(category) + "：" + description + (note == null ? "" : "；" + note);
		}

	}

	static CauseRepair causeRepair(String category, String description, String note) {
		List<String> problems = new ArrayList<>();
		if (!RepairCaseType.CATEGORIES.containsKey(category == null ? "" : category)) {
			problems.add("维修类别：请在列表中选择");
		}
		if (blank(description)) {
			problems.add("维修内容：必填");
		}
		tooLong(problems, "维修内容", description, 2000);
		tooLong(problems, "说明", note, 500);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("；", problems));
		}
		return new CauseRepair(category, description.trim(), nullIfBlank(note));
	}

	private static void tooLong(List<String> problems, String field, String value, int max) {
		if (value != null && value.trim().codePointCount(0, value.trim().length()) > max) {
			problems.add(field + "：最多 " + max + " 字");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String nullIfBlank(String value) {
		return blank(value) ? null : value.trim();
	}

	/** The lines, the oldest left out (and counted on a first line) until the text is at most {@code max} long. */
	static String fitted(List<String> lines, int max) {
		int left = 0;
		String text = String.join("\n", lines);
		while (text.length() > max && left < lines.size() - 1) {
			left++;
			text = "（另有 " + left + " 次较早的报修未列出）\n" + String.join("\n", lines.subList(left, lines.size()));
		}
		return text.length() > max ? text.substring(0, max) : text;
	}

	/**
	 * How the flag's form describes it when opened: flagged at three repairs within 90 days, it counts every repair
	 * that joined it while open, which may span longer.
	 */
	static String summary(Subject subject, int repairs) {
		return subject.scope().label + "：" + subject.label() + " 重复报修，共 " + repairs + " 次，请制定预防措施";
	}

	/**
	 * How the flag's task is described where nothing reads the flag again (its card in Tasklist's list, its instance):
	 * without a count, which the repairs that join later would make stale.
	 */
	static String summary(Subject subject) {
		return subject.scope().label + "：" + subject.label() + " 重复报修，请制定预防措施";
	}

	/** The page management gets. */
	static String page(Subject subject, int repairs, String latestCaseNo) {
		return "重复报修：" + subject.label() + " 共报修 " + repairs + " 次（最近 " + latestCaseNo + "），请在任务中制定预防措施";
	}

}
