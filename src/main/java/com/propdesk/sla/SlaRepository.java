package com.propdesk.sla;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;
import com.propdesk.system.TransactionReads;

@Repository
class SlaRepository {

	private static final RowMapper<SlaClock> CLOCK = (rs, i) -> new SlaClock(rs.getString("case_no"), rs.getString("sla"),
			time(rs.getObject("started_at", OffsetDateTime.class)), rs.getString("target"),
			time(rs.getObject("due_at", OffsetDateTime.class)), rs.getString("escalate_to"),
			time(rs.getObject("paused_at", OffsetDateTime.class)), rs.getString("pause_reason"),
			rs.getLong("paused_millis"), time(rs.getObject("met_at", OffsetDateTime.class)),
			time(rs.getObject("breached_at", OffsetDateTime.class)), rs.getString("escalated_to"),
			time(rs.getObject("stopped_at", OffsetDateTime.class)), rs.getString("due_job_id"));

	private static final String TABLE = "sla_clock";

	/** Updates touch the latest round only. */
	private static final String LATEST = " and round = (select max(round) from sla_clock where case_no = ? and sla = ?)";

	private final JdbcTemplate jdbc;

	SlaRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static OffsetDateTime time(OffsetDateTime value) {
		return Clock.local(value);
	}

	/**
	 * A new round of a clock. A transaction that has read the case's clocks keeps them with this one added, as the
	 * table now holds it (a new round is met, paused, breached and stopped by none), so an intake that starts three
	 * clocks reads the case's clocks once.
	 */
	void insert(SlaClock c, int round) {
		jdbc.update("insert into sla_clock (case_no, sla, round, started_at, target, due_at, escalate_to, due_job_id) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)", c.caseNo(), c.sla(), round, c.startedAt(), c.target(), c.dueAt(),
				c.escalateTo(), c.dueJobId());
		TransactionReads.<List<SlaClock>>kept(TABLE, c.caseNo()).ifPresent(clocks -> {
			List<SlaClock> added = new ArrayList<>(clocks);
			added.add(new SlaClock(c.caseNo(), c.sla(), time(c.startedAt()), c.target(), time(c.dueAt()), c.escalateTo(), null,
					null, 0, null, null, null, null, c.dueJobId()));
			TransactionReads.keep(TABLE, c.caseNo(), Optional.of(List.copyOf(added)));
		});
	}

	/** The latest round of a clock: the one that runs, or ran last. */
	Optional<SlaClock> find(String caseNo, String sla) {
		return ofCase(caseNo).stream().filter(c -> c.sla().equals(sla)).reduce((earlier, later) -> later);
	}

	int rounds(String caseNo, String sla) {
		return (int) ofCase(caseNo).stream().filter(c -> c.sla().equals(sla)).count();
	}

	/** A case's clocks, every round in the order they started; read once per transaction ({@link TransactionReads}). */
	List<SlaClock> ofCase(String caseNo) {
		return TransactionReads.read(TABLE, caseNo,
				() -> Optional.of(List.copyOf(jdbc.query("select * from sla_clock where case_no = ? order by id", CLOCK, caseNo))))
				.orElseThrow();
	}

	void met(String caseNo, String sla, OffsetDateTime at) {
		jdbc.update("update sla_clock set met_at = ? where case_no = ? and sla = ?" + LATEST, at, caseNo, sla, caseNo, sla);
		TransactionReads.forget(TABLE, caseNo);
	}

	void stopped(String caseNo, String sla, OffsetDateTime at) {
		jdbc.update("update sla_clock set stopped_at = ? where case_no = ? and sla = ?" + LATEST, at, caseNo, sla, caseNo, sla);
		TransactionReads.forget(TABLE, caseNo);
	}

	void paused(String caseNo, String sla, OffsetDateTime at, String reason) {
		jdbc.update("update sla_clock set paused_at = ?, pause_reason = ? where case_no = ? and sla = ?" + LATEST, at,
				reason, caseNo, sla, caseNo, sla);
		TransactionReads.forget(TABLE, caseNo);
	}

	void resumed(String caseNo, String sla, long pausedMillis, OffsetDateTime newDue) {
		jdbc.update("update sla_clock set paused_at = null, paused_millis = paused_millis + ?, due_at = ? "
				+ "where case_no = ? and sla = ?" + LATEST, pausedMillis, newDue, caseNo, sla, caseNo, sla);
		TransactionReads.forget(TABLE, caseNo);
	}

	void breached(String caseNo, String sla, OffsetDateTime at, String escalatedTo) {
		jdbc.update("update sla_clock set breached_at = ?, escalated_to = ? where case_no = ? and sla = ?" + LATEST, at,
				escalatedTo, caseNo, sla, caseNo, sla);
		TransactionReads.forget(TABLE, caseNo);
	}

}
