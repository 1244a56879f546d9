package com.propdesk.registry;

import java.time.LocalTime;

/** When a technician is on duty, in the estate's local time. */
public enum Shift {

	/** 08:00–20:00 */
	DAY,
	/** 20:00–08:00 */
	NIGHT,
	/** on call around the clock */
	ALL;

	static final LocalTime DAY_START = LocalTime.of(8, 0);

	static final LocalTime NIGHT_START = LocalTime.of(20, 0);

	public boolean covers(LocalTime time) {
		boolean day = !time.isBefore(DAY_START) && time.isBefore(NIGHT_START);
		return switch (this) {
			case DAY -> day;
			case NIGHT -> !day;
			case ALL -> true;
		};
	}

}
