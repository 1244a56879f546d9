package com.propdesk.security;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.system.Clock;

/**
 * A form-js {@code datetime} field's value as the picker submits it, or as a REST client sends it in ISO-8601 — and
 * nothing else ("明天下午6点", "2026/12/1 18:00"). By subtype: {@code datetime} a date and time with or without offset
 * (without: estate time, Asia/Shanghai), stored as a date as {@code Var.time} stores it; {@code date} a day
 * {@code 2026-12-15}, stored as that text as {@code Var.date} stores it; {@code time} a time of day. With
 * {@code disallowPassedDates} a day before today or a date and time before now is refused: form-js greys out past
 * days in its calendar, and the server holds to the same rule to the minute.
 */
final class FormTimes {

	/**
	 * How far from today a date staff pick may lie: a typo's year (2999, 1026) is no appointment, no first round and no
	 * time the work was done.
	 */
	static final Period REACH = Period.ofYears(2);

	private FormTimes() {
	}

	static String problem(String name, JsonNode component, Object value) {
		boolean future = component.path("disallowPassedDates").asBoolean(false);
		OffsetDateTime now = Clock.now();
		switch (subtype(component)) {
			case "datetime" -> {
				OffsetDateTime time = dateTime(value);
				if (time == null) {
					return name + "：应为日期和时间（在日历中选择，或 ISO-8601 如 2026-12-01T18:00+08:00）";
				}
				if (future && time.isBefore(now)) {
					return name + "：不能早于现在（" + now.toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' ') + "）";
				}
				if (time.isBefore(now.minus(REACH)) || time.isAfter(now.plus(REACH))) {
					return name + "：应在前后两年之内";
				}
			}
			case "time" -> {
				if (!(value instanceof String text) || time(text) == null) {
					return name + "：应为时间（在列表中选择，或 ISO-8601 如 18:00）";
				}
			}
			default -> {
				LocalDate day = date(value);
				if (day == null) {
					return name + "：应为日期（在日历中选择，或 ISO-8601 如 2026-12-15）";
				}
				if (future && day.isBefore(now.toLocalDate())) {
					return name + "：不能早于今天";
				}
				if (day.isBefore(now.toLocalDate().minus(REACH)) || day.isAfter(now.toLocalDate().plus(REACH))) {
					return name + "：应在前后两年之内";
				}
			}
		}
		return null;
	}

	/** The value as the case keeps it; only called for a value {@link #problem} accepted. */
	static Object stored(JsonNode component, Object value) {
		return switch (subtype(component)) {
			case "datetime" -> Date.from(dateTime(value).toInstant());
			case "time" -> value;
			default -> date(value).toString();
		};
	}

	/** form-js's own default subtype is {@code date}. */
	private static String subtype(JsonNode component) {
		return component.path("subtype").asText("date");
	}

	private static OffsetDateTime dateTime(Object value) {
		if (value instanceof Date date) {
			return OffsetDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
		}
		if (!(value instanceof String text)) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.trim());
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text.trim()).atZone(ZoneId.systemDefault()).toOffsetDateTime();
			}
			catch (DateTimeParseException neither) {
				return null;
			}
		}
	}

	private static LocalDate date(Object value) {
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
		}
		if (!(value instanceof String text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException notADay) {
			OffsetDateTime time = dateTime(text);
			return time == null ? null : time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
		}
	}

	private static Object time(String text) {
		try {
			return OffsetTime.parse(text.trim());
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalTime.parse(text.trim());
			}
			catch (DateTimeParseException neither) {
				return null;
			}
		}
	}

}
