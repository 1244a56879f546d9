package com.propdesk.handover;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propdesk.handover.*}
 *
 * @param dayShiftStarts    when the day shift takes over, estate time (08:00)
 * @param nightShiftStarts  when the night shift takes over, estate time (20:00); at the same minute of its hour as the
 *                          day shift, since one timer (one cron) starts both handovers
 * @param acknowledgeWithin how long after the shift change the incoming desk has to acknowledge before the duty
 *                          officer is paged
 */
@ConfigurationProperties("propdesk.handover")
public record HandoverProperties(LocalTime dayShiftStarts, LocalTime nightShiftStarts, Duration acknowledgeWithin) {

	public HandoverProperties {
		dayShiftStarts = dayShiftStarts == null ? LocalTime.of(8, 0) : dayShiftStarts;
		nightShiftStarts = nightShiftStarts == null ? LocalTime.of(20, 0) : nightShiftStarts;
		acknowledgeWithin = acknowledgeWithin == null ? Duration.ofMinutes(30) : acknowledgeWithin;
		if (!dayShiftStarts.isBefore(nightShiftStarts) || dayShiftStarts.getSecond() != 0 || nightShiftStarts.getSecond() != 0
				|| dayShiftStarts.getMinute() != nightShiftStarts.getMinute() || acknowledgeWithin.isNegative()
				|| acknowledgeWithin.isZero()) {
			throw new IllegalArgumentException("propdesk.handover: day-shift-starts before night-shift-starts, whole minutes,"
					+ " the same minute of the hour (08:00 and 20:00, 07:30 and 19:30); acknowledge-within positive");
		}
	}

}
