package com.propdesk.worklog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How often a duty comes round and how long a round may take, as ISO-8601 durations ({@code PT4H}, {@code P1D},
 * {@code P15D}, {@code P1M}); days and months are counted on the estate's calendar, so a daily round starts at the
 * same local time every day.
 */
public final class Periods {

	/**
	 * The frequencies people pick, in Chinese, with the duration each stands for: the duty plans' API takes them, a
	 * repeat fault's preventive duty offers them.
	 */
	public static final Map<String, String> CHOICES;

	static {
		Map<String, String> choices = new LinkedHashMap<>();
		choices.put("每4小时", "PT4H");
		choices.put("每天", "P1D");
		choices.put("每周", "P7D");
		choices.put("每15天", "P15D");
		choices.put("每月", "P1M");
		CHOICES = java.util.Collections.unmodifiableMap(choices);
	}

	private static final Duration SHORTEST = Duration.ofMinutes(30);

	/** How far before or after now a plan's first round may start. */
	public static final Period FIRST_START_RANGE = Period.ofYears(1);

	private Periods() {
	}

	/** The ISO text of a choice or of an ISO duration of at least 30 minutes; empty when it is neither. */
	static Optional<String> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = CHOICES.getOrDefault(text.strip(), text.strip().toUpperCase());
		try {
			if (value.contains("T")) {
				Duration duration = Duration.parse(value);
				return duration.compareTo(SHORTEST) >= 0 ? Optional.of(duration.toString()) : Optional.empty();
			}
			Period period = Period.parse(value);
			return period.isNegative() || period.isZero() ? Optional.empty() : Optional.of(value);
		}
		catch (DateTimeParseException notIso) {
			return Optional.empty();
		}
	}

	/** {@code time} moved on by {@code times} periods, on the estate's calendar. */
	static OffsetDateTime plus(OffsetDateTime time, String period, long times) {
		var local = time.atZoneSameInstant(ZoneId.systemDefault());
		if (period.contains("T")) {
			return local.plus(Duration.parse(period).multipliedBy(times)).toOffsetDateTime();
		}
		Period p = Period.parse(period);
		return local.plusYears(p.getYears() * times).plusMonths(p.getMonths() * times).plusDays(p.getDays() * times)
				.toOffsetDateTime();
	}

	/**
	 * The starts of a plan's rounds that are still open or start before {@code until}: each start
	 * {@code first + k × every} whose window ({@code start + window}) ends after {@code now} and that starts before
	 * {@code until}.
	 */
	static List<OffsetDateTime> starts(OffsetDateTime first, String every, String window, OffsetDateTime now,
			OffsetDateTime until) {
		List<OffsetDateTime> starts = new ArrayList<>();
		long k = 0;
		if (every.contains("T") && first.isBefore(now)) {
			// a fixed length: jump close to now instead of stepping through years of four-hour rounds
			k = Math.max(0, Duration.between(first, now).dividedBy(Duration.parse(every)) - 1);
		}
		for (;; k++) {
			OffsetDateTime start = plus(first, every, k);
			if (!start.isBefore(until)) {
				return starts;
			}
			if (plus(start, window, 1).isAfter(now)) {
				starts.add(start);
			}
		}
	}

}
