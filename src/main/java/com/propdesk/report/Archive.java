package com.propdesk.report;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.propdesk.system.Tokens;

/**
 * Writes closed cases and done rounds into the history tables directly, as if they had run: the demo's archive of
 * past months, and the known months the report's tests compute. Such a case has no process instance.
 */
@Component
class Archive {

	private final JdbcTemplate jdbc;

	Archive(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A closed case; its status and timeline say it is closed, {@code feedbackScore} may be null. */
	void closedCase(String caseNo, String type, String building, String unit, String category, String priority,
			String description, OffsetDateTime createdAt, OffsetDateTime closedAt, Integer feedbackScore) {
		jdbc.update("insert into case_record (case_no, type, channel, external_id, reporter_name, reporter_phone, "
				+ "building_code, unit_code, category, description, tracking_token, status, priority, department, "
				+ "created_at, updated_at, feedback_score) values (?, ?, 'phone', ?, '业主', '13800000000', ?, ?, ?, ?, ?, "
				+ "'closed', ?, ?, ?, ?, ?)", caseNo, type, "archive-" + caseNo, building, unit, category, description,
				Tokens.random(), priority, "repair".equals(type) ? "engineering" : "service-desk", createdAt, closedAt,
				feedbackScore);
		event(caseNo, createdAt, "accepted", "受理：" + description);
		event(caseNo, closedAt, "closed", "已办结");
	}

	void event(String caseNo, OffsetDateTime at, String kind, String message) {
		jdbc.update("insert into case_event (case_no, at, kind, actor, message) values (?, ?, ?, 'system', ?)", caseNo, at,
				kind, message);
	}

	/** A round of an SLA clock, met at {@code metAt} or (null) breached at its due time. */
	void clock(String caseNo, String sla, int round, OffsetDateTime startedAt, String target, OffsetDateTime dueAt,
			OffsetDateTime metAt) {
		jdbc.update("insert into sla_clock (case_no, sla, round, started_at, target, due_at, escalate_to, met_at, "
				+ "breached_at, escalated_to) values (?, ?, ?, ?, ?, ?, 'management', ?, ?, ?)", caseNo, sla, round, startedAt,
				target, dueAt, metAt, metAt == null || metAt.isAfter(dueAt) ? dueAt : null,
				metAt == null || metAt.isAfter(dueAt) ? "management" : null);
	}

	void workLog(String duty, String building, String location, OffsetDateTime doneAt, String by) {
		jdbc.update("insert into work_log (duty, building_code, location, done_at, recorded_by, recorded_at, source) "
				+ "values (?, ?, ?, ?, ?, ?, 'archive')", duty, building, location, doneAt, by, doneAt);
	}

}
