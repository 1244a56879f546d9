package com.propdesk.system;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * PropDesk reads the time from the engine's clock, so that tests which move the engine clock move
 * every timestamp PropDesk writes as well (timeline, shifts, due dates).
 */
public final class Clock {

	private Clock() {
	}

	public static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

	/** Timestamps read back from the database are shown in the estate's zone. */
	public static OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
	}

	/** A time the engine keeps as a {@link Date} (task creation, due dates, history), in the estate's zone. */
	public static OffsetDateTime local(Date time) {
		return time == null ? null : OffsetDateTime.ofInstant(time.toInstant(), ZoneId.systemDefault());
	}

}
