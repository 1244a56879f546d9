package com.propdesk.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a complaint's plan and improvement due times must be, checked without an engine. */
final class ComplaintRules {

	static final String PLAN_DUE_FORMAT = "计划完成时间：应为日期和时间（在日历中选择，或 ISO-8601 如 2026-12-01T18:00+08:00）";

	static final String IMPROVEMENT_DUE_FORMAT = "整改完成日期：应为日期（在日历中选择，或 ISO-8601 如 2026-12-15）";

	private ComplaintRules() {
	}

	/**
	 * The due time of a major complaint's resolution clock: management's plan due, which must lie ahead.
	 * @throws IllegalArgumentException with the message the plan form shows
	 */
	static OffsetDateTime planDue(OffsetDateTime due, OffsetDateTime now) {
		if (due == null) {
			throw new IllegalArgumentException(PLAN_DUE_FORMAT);
		}
		if (!due.isAfter(now)) {
			throw new IllegalArgumentException("计划完成时间：必须晚于现在");
		}
		return due;
	}

	/**
	 * When an improvement due on a day is overdue: at the end of that day, estate time (the zone of {@code now}).
	 * @throws IllegalArgumentException with the message the root-cause form shows
	 */
	static OffsetDateTime improvementDueAt(LocalDate due, OffsetDateTime now) {
		if (due == null) {
			throw new IllegalArgumentException(IMPROVEMENT_DUE_FORMAT);
		}
		if (due.isBefore(now.toLocalDate())) {
			throw new IllegalArgumentException("整改完成日期：不能早于今天");
		}
		return due.plusDays(1).atStartOfDay().atOffset(now.getOffset());
	}

}
