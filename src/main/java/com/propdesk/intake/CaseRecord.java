package com.propdesk.intake;

import java.time.OffsetDateTime;

/** A case as stored: who reported what, where, through which channel, where it stands, what it answered. */
public record CaseRecord(String caseNo, CaseTypeDefinition type, String channel, String externalId, String reporterName,
		String reporterPhone, String building, String unit, String category, String description, String callbackUrl,
		String trackingToken, CaseStatus status, String priority, String department, String processInstanceId,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, String answer) {
}
