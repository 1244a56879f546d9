package com.propdesk.handover;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import com.propdesk.system.Schedule;

/**
 * The shift changes of the service desk, from configuration: the {@code shift-handover} diagram's start timer reads
 * {@code ${shiftChanges.cron}} (estate time), and the handover prepared at a change covers the shift that ends there.
 */
@Component("shiftChanges")
public class ShiftChanges implements Schedule {

	public static final String DAY = "day";

	public static final String NIGHT = "night";

	private final HandoverProperties properties;

	ShiftChanges(HandoverProperties properties) {
		this.properties = properties;
	}

	/**
	 * Both shift changes as one cron, as the start timer reads it ({@code 0 0 8,20 * * ?}): the engine allows one
	 * timer start event per process, so both changes share their minute (checked in {@link HandoverProperties}).
	 */
	public String getCron() {
		LocalTime day = properties.dayShiftStarts();
		return "0 " + day.getMinute() + " " + day.getHour() + "," + properties.nightShiftStarts().getHour() + " * * ?";
	}

	/**
	 * The shift that ended at the last shift change at or before {@code at}: its day (a night shift belongs to the
	 * day it starts), day or night, its start, and the change itself.
	 */
	public EndingShift endingAt(OffsetDateTime at) {
		ZoneId zone = ZoneId.systemDefault();
		LocalDate today = at.atZoneSameInstant(zone).toLocalDate();
		LocalTime now = at.atZoneSameInstant(zone).toLocalTime();
		LocalTime day = properties.dayShiftStarts();
		LocalTime night = properties.nightShiftStarts();
		if (!now.isBefore(night)) {
			return new EndingShift(today, DAY, time(today, day), time(today, night));
		}
		if (!now.isBefore(day)) {
			return new EndingShift(today.minusDays(1), NIGHT, time(today.minusDays(1), night), time(today, day));
		}
		return new EndingShift(today.minusDays(1), DAY, time(today.minusDays(1), day), time(today.minusDays(1), night));
	}

	private static OffsetDateTime time(LocalDate date, LocalTime time) {
		return date.atTime(time).atZone(ZoneId.systemDefault()).toOffsetDateTime();
	}

	public static String label(String shift) {
		return DAY.equals(shift) ? "白班" : "夜班";
	}

	/** A shift that hands over: from {@code start} until the change at {@code end}. */
	public record EndingShift(LocalDate date, String shift, OffsetDateTime start, OffsetDateTime end) {
	}

}
