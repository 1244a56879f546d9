package com.propdesk.notify;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An owner-visible change of a case, as its channel's callback receives it. Channel systems depend on these field
 * names; receivers de-duplicate by {@code eventId}, which retries keep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerEvent(String eventId, String event, String caseNo, String type, String status, String statusLabel,
		OffsetDateTime at, String summary, OffsetDateTime promisedAt) {
}
