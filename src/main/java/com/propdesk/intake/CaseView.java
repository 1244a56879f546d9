package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.util.List;

/** A case as {@code GET /api/cases/{caseNo}} shows it to staff, its channel and its owner. */
record CaseView(String caseNo, String type, String typeLabel, String channel, String status, String statusLabel,
		String priority, String department, String departmentLabel, String category, String categoryLabel,
		String building, String unit, String description, String answer, String assignee, String assigneeName,
		OffsetDateTime dueAt, List<CaseClocks.ClockView> clocks, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		List<CaseLink> links, List<CaseEvent> timeline) {
}
