package com.propdesk.intake;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a channel that opened a case: enough to show the owner and to follow the case; an
 * inquiry the knowledge base answered at once carries its answer.
 */
record CaseReceipt(String caseNo, String type, String priority, String status, String statusLabel,
		OffsetDateTime dueAt, String trackingToken, @JsonInclude(JsonInclude.Include.NON_NULL) String answer) {

	static CaseReceipt of(CaseRecord c, OffsetDateTime dueAt) {
		return new CaseReceipt(c.caseNo(), c.type().key(), c.priority(), c.status().code(), c.status().label(), dueAt,
				c.trackingToken(), c.answer());
	}

}
