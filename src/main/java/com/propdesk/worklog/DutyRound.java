package com.propdesk.worklog;

import java.time.OffsetDateTime;

/** One planned round of a duty: {@code due} from its start until {@code dueAt}, then {@code done} or {@code missed}. */
public record DutyRound(long id, long planId, String duty, String dutyLabel, String building, String location,
		String department, String contractor, OffsetDateTime startsAt, OffsetDateTime dueAt, String status,
		String statusLabel, Long workLogId, String processInstanceId) {

	public static final String DUE = "due";

	public static final String DONE = "done";

	public static final String MISSED = "missed";

	static String label(String status) {
		return switch (status) {
			case DUE -> "待完成";
			case DONE -> "已完成";
			case MISSED -> "漏做";
			default -> status;
		};
	}

}
