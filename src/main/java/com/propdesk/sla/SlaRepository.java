package com.propdesk.sla;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

@Repository
class SlaRepository {

	private static final RowMapper<SlaClock> CLOCK = (rs, i) -> new SlaClock(rs.getString("case_no"), rs.getString("sla"),
			time(rs.getObject("started_at", OffsetDateTime.class)), rs.getString("target"),
			time(rs.getObject("due_at", OffsetDateTime.class)), rs.getString("escalate_to"),
			time(rs.getObject("paused_at", OffsetDateTime.class)), rs.getString("pause_reason"),
			rs.getLong("paused_millis"), time(rs.getObject("met_at", OffsetDateTime.class)),
			time(rs.getObject("breached_at", OffsetDateTime.class)), rs.getString("escalated_to"),
			time(rs.getObject("stopped_at", OffsetDateTime.class)), rs.getString("due_job_id"));

	/** Updates touch the latest round only. */
	private static final String LATEST = " and round = (select max(round) from sla_clock where case_no = ? and sla = ?)";

	private final JdbcTemplate jdbc;

	SlaRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static OffsetDateTime time(OffsetDateTime value) {
		return Clock.local(value);
	}

	void insert(SlaClock c, int round) {
		jdbc.update("insert into sla_clock (case_no, sla, round, started_at, target, due_at, escalate_to, due_job_id) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)", c.caseNo(), c.sla(), round, c.startedAt(), c.target(), c.dueAt(),
				c.escalateTo(), c.dueJobId());
	}

	/** The latest round of a clock: the one that runs, or ran last. */
	Optional<SlaClock> find(String caseNo, String sla) {
		return jdbc.query("select * from sla_clock where case_no = ? and sla = ? order by round desc", CLOCK, caseNo, sla)
				.stream().findFirst();
	}

	int rounds(String caseNo, String sla) {
		return jdbc.queryForObject("select count(*) from sla_clock where case_no = ? and sla = ?", Integer.class, caseNo,
				sla);
	}

	List<SlaClock> ofCase(String caseNo) {
		return jdbc.query("select * from sla_clock where case_no = ? order by id", CLOCK, caseNo);
	}

	void met(String caseNo, String sla, OffsetDateTime at) {
		jdbc.update("update sla_clock set met_at = ? where case_no = ? and sla = ?" + LATEST, at, caseNo, sla, caseNo, sla);
	}

	void stopped(String caseNo, String sla, OffsetDateTime at) {
		jdbc.update("update sla_clock set stopped_at = ? where case_no = ? and sla = ?" + LATEST, at, caseNo, sla, caseNo, sla);
	}

	void paused(String caseNo, String sla, OffsetDateTime at, String reason) {
		jdbc.update("update sla_clock set paused_at = ?, pause_reason = ? where case_no = ? and sla = ?" + LATEST, at,
				reason, caseNo, sla, caseNo, sla);
	}

	void resumed(String caseNo, String sla, long pausedMillis, OffsetDateTime newDue) {
		jdbc.update("update sla_clock set paused_at = null, paused_millis = paused_millis + ?, due_at = ? "
				+ "where case_no = ? and sla = ?" + LATEST, pausedMillis, newDue, caseNo, sla, caseNo, sla);
	}

	void breached(String caseNo, String sla, OffsetDateTime at, String escalatedTo) {
		jdbc.update("update sla_clock set breached_at = ?, escalated_to = ? where case_no = ? and sla = ?" + LATEST, at,
				escalatedTo, caseNo, sla, caseNo, sla);
	}

}
