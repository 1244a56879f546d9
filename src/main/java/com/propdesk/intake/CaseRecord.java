package com.propdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;

import org.springframework.web.util.UriUtils;

/** A case as stored: who reported what, where, through which channel, where it stands, what it answered. */
public record CaseRecord(String caseNo, CaseTypeDefinition type, String channel, String externalId, String reporterName,
		String reporterPhone, String building, String unit, String category, String description, String callbackUrl,
		String trackingToken, CaseStatus status, String priority, String department, String processInstanceId,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, String answer) {

	/** The case as the table holds it once it is classified (what {@link CaseRepository} keeps after writing it). */
	CaseRecord classified(String category, String priority, String department, OffsetDateTime now) {
		return new CaseRecord(caseNo, type, channel, externalId, reporterName, reporterPhone, building, unit, category,
				description, callbackUrl, trackingToken, status, priority, department, processInstanceId, createdAt, now,
				answer);
	}

	CaseRecord withStatus(CaseStatus status, OffsetDateTime now) {
		return new CaseRecord(caseNo, type, channel, externalId, reporterName, reporterPhone, building, unit, category,
				description, callbackUrl, trackingToken, status, priority, department, processInstanceId, createdAt, now,
				answer);
	}

	CaseRecord withProcess(String processInstanceId) {
		return new CaseRecord(caseNo, type, channel, externalId, reporterName, reporterPhone, building, unit, category,
				description, callbackUrl, trackingToken, status, priority, department, processInstanceId, createdAt,
				updatedAt, answer);
	}

	/** The owner's page of this case, {@code /track/{caseNo}?token=…}, relative to PropDesk's address. */
	public String trackingPath() {
		return "/track/" + UriUtils.encodePathSegment(caseNo, StandardCharsets.UTF_8) + "?token="
				+ UriUtils.encodeQueryParam(trackingToken, StandardCharsets.UTF_8);
	}

	/** Whether this is the case's tracking token, compared in constant time (a token is a secret). */
	public boolean isTrackedWith(String token) {
		return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				trackingToken.getBytes(StandardCharsets.UTF_8));
	}

}
