package com.propdesk.worklog;

import java.time.OffsetDateTime;

/** A duty planned in one building: how often its rounds start ({@code every}) and how long each may take ({@code window}). */
public record DutyPlan(long id, String duty, String dutyLabel, String building, String location, String department,
		String every, String window, OffsetDateTime firstStart, String contractor, String note, Long repeatFaultId,
		boolean active, String createdBy, OffsetDateTime createdAt) {
}
