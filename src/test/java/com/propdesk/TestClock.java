package com.propdesk;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Sets and moves the engine clock, which PropDesk reads for every timestamp, shift and due date. */
public final class TestClock {

	/** A Friday at 10:00 in the estate: the day shift is on duty. */
	public static final OffsetDateTime DAY = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

	/** The same Friday at 22:00: the night shift is on duty. */
	public static final OffsetDateTime NIGHT = OffsetDateTime.parse("2026-11-27T22:00:00+08:00");

	private TestClock() {
	}

	public static void set(OffsetDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

	public static void advance(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	/** The clock from {@code time} on, moving as the real one does: what is read twice a moment apart differs. */
	public static void running(OffsetDateTime time) {
		ClockUtil.reset();
		ClockUtil.offset(time.toInstant().toEpochMilli() - System.currentTimeMillis());
	}

	public static void reset() {
		ClockUtil.reset();
	}

}
