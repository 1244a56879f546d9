package com.propdesk.worklog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

/** The planned rounds ({@code duty_round}) with their plan's duty, building and department. */
@Repository
class DutyRounds {

	private static final String SELECT = "select r.*, p.duty, p.building_code, p.location, p.department, p.contractor "
			+ "from duty_round r join duty_plan p on p.id = r.plan_id";

	private static final RowMapper<DutyRound> ROUND = (rs, i) -> new DutyRound(rs.getLong("id"), rs.getLong("plan_id"),
			rs.getString("duty"), Duty.ofCode(rs.getString("duty")).map(Duty::label).orElse(rs.getString("duty")),
			rs.getString("building_code"), rs.getString("location"), rs.getString("department"), rs.getString("contractor"),
			Clock.local(rs.getObject("starts_at", OffsetDateTime.class)), Clock.local(rs.getObject("due_at", OffsetDateTime.class)),
			rs.getString("status"), DutyRound.label(rs.getString("status")), (Long) rs.getObject("work_log_id", Long.class),
			rs.getString("process_instance_id"));

	private final JdbcTemplate jdbc;

	DutyRounds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(long planId, OffsetDateTime startsAt) {
		return jdbc.queryForObject("select count(*) from duty_round where plan_id = ? and starts_at = ?", Integer.class,
				planId, startsAt) > 0;
	}

	/** A new round, due; the unique plan and start refuse a second one for the same start. */
	long insert(long planId, OffsetDateTime startsAt, OffsetDateTime dueAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement(
					"insert into duty_round (plan_id, starts_at, due_at, status) values (?, ?, ?, ?)", new String[] { "id" });
			insert.setLong(1, planId);
			insert.setObject(2, startsAt);
			insert.setObject(3, dueAt);
			insert.setString(4, DutyRound.DUE);
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	void started(long roundId, String processInstanceId) {
		jdbc.update("update duty_round set process_instance_id = ? where id = ?", processInstanceId, roundId);
	}

	boolean anyOf(long planId) {
		return jdbc.queryForObject("select count(*) from duty_round where plan_id = ?", Integer.class, planId) > 0;
	}

	Optional<DutyRound> find(long id) {
		return jdbc.query(SELECT + " where r.id = ?", ROUND, id).stream().findFirst();
	}

	/** The earliest round of the duty in the building that is due and whose window holds {@code at}. */
	Optional<DutyRound> openAt(String duty, String building, OffsetDateTime at) {
		return jdbc.query(SELECT + " where p.duty = ? and p.building_code = ? and r.status = ? and r.starts_at <= ? "
				+ "and r.due_at > ? order by r.starts_at, r.id", ROUND, duty, building, DutyRound.DUE, at, at).stream().findFirst();
	}

	/** Marks a due round done with its work log; false when it was no longer due (missed meanwhile, or done). */
	boolean markDone(long roundId, long workLogId) {
		return jdbc.update("update duty_round set status = ?, work_log_id = ? where id = ? and status = ?", DutyRound.DONE,
				workLogId, roundId, DutyRound.DUE) == 1;
	}

	boolean markMissed(long roundId) {
		return jdbc.update("update duty_round set status = ? where id = ? and status = ?", DutyRound.MISSED, roundId,
				DutyRound.DUE) == 1;
	}

	Optional<Long> roundOf(long workLogId) {
		return jdbc.queryForList("select id from duty_round where work_log_id = ?", Long.class, workLogId).stream().findFirst();
	}

	/** Rounds by department and status whose window starts in {@code [from, to)}, earliest due first. */
	List<DutyRound> find(String department, String status, OffsetDateTime from, OffsetDateTime to) {
		StringBuilder sql = new StringBuilder(SELECT + " where r.starts_at >= ? and r.starts_at < ?");
		List<Object> args = new ArrayList<>(List.of(from, to));
		if (department != null) {
			sql.append(" and p.department = ?");
			args.add(department);
		}
		if (status != null) {
			sql.append(" and r.status = ?");
			args.add(status);
		}
		return jdbc.query(sql.append(" order by r.due_at, r.id").toString(), ROUND, args.toArray());
	}

}
