package com.propdesk.worklog;

import java.time.OffsetDateTime;
import java.util.List;

/** One round of a duty done: what, where, when, by whom; {@code photos} are links to the uploads. */
public record WorkLog(long id, Long roundId, String duty, String dutyLabel, String building, String location,
		OffsetDateTime doneAt, String recordedBy, String recordedByName, OffsetDateTime recordedAt, String notes,
		String source, String clientId, List<String> photos) {
}
