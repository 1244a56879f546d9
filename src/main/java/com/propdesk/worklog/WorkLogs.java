package com.propdesk.worklog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.intake.ActorNames;
import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;

/**
 * Work logs ({@code work_log}): recorded from the app or from a round's task in Tasklist. A log closes the round it
 * names, or else the open round of its duty and building whose window holds the time the work was done: the round
 * turns done and its process ends.
 */
@Service
public class WorkLogs {

	public static final String SOURCE_APP = "app";

	public static final String SOURCE_TASKLIST = "tasklist";

	/** A log as written, validated by the caller; {@code roundId} the round it is for, or null to find it. */
	record Entry(Duty duty, String building, String location, OffsetDateTime doneAt, String notes, List<String> photos,
			String clientId, Long roundId) {
	}

	/** The log and whether this call created it (false: the same recorder and client id found the first one). */
	record Recorded(WorkLog log, boolean created) {
	}

	private final JdbcTemplate jdbc;

	private final DutyRounds rounds;

	private final RuntimeService runtime;

	private final ActorNames names;

	private final TransactionTemplate transaction;

	private final ProcessEngineConfigurationImpl engine;

	WorkLogs(JdbcTemplate jdbc, DutyRounds rounds, RuntimeService runtime, ActorNames names, TransactionTemplate transaction,
			ProcessEngineConfigurationImpl engine) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.runtime = runtime;
		this.names = names;
		this.transaction = transaction;
	}

	/**
	 * Records a log from the app, matching it to its round. A retry with the same client id finds the first log: the
	 * unique recorder and client id decide, so two concurrent retries still make one log.
	 */
	Recorded record(Entry entry, String recorder) {
		if (entry.clientId() != null) {
			Optional<WorkLog> first = findByClient(recorder, entry.clientId());
			if (first.isPresent()) {
				return new Recorded(first.get(), false);
			}
		}
		try {
			long id = transaction.execute(status -> {
				long logId = insert(entry, recorder, SOURCE_APP);
				(entry.roundId() != null ? rounds.find(entry.roundId())
						: rounds.openAt(entry.duty().code(), entry.building(), entry.doneAt()))
						.filter(round -> rounds.markDone(round.id(), logId))
						.ifPresent(round -> {
							if (round.processInstanceId() != null) {
								// the recorder may not change an internal instance; PropDesk ends it on their behalf (an
								// instance an operator deleted meanwhile waits for nothing: the log still stands)
								Privileged.run(engine, () -> runtime.createMessageCorrelation(WorkRoundProcess.MESSAGE_RECORDED)
										.processInstanceId(round.processInstanceId()).correlateAllWithResult());
							}
						});
				return logId;
			});
			return new Recorded(find(id).orElseThrow(), true);
		}
		catch (DuplicateKeyException concurrentRetry) {
			return new Recorded(findByClient(recorder, entry.clientId()).orElseThrow(() -> concurrentRetry), false);
		}
	}

	/** Records the log a round's task holds and marks that round done (the caller's transaction: the task's). */
	long recordRound(DutyRound round, OffsetDateTime doneAt, String notes, String recorder) {
		long logId = insert(new Entry(Duty.ofCode(round.duty()).orElseThrow(), round.building(), round.location(), doneAt,
				notes, List.of(), null, round.id()), recorder, SOURCE_TASKLIST);
		rounds.markDone(round.id(), logId);
		return logId;
	}

	private long insert(Entry entry, String recorder, String source) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("insert into work_log (duty, building_code, location, done_at, "
					+ "recorded_by, recorded_at, notes, source, client_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, entry.duty().code());
			insert.setString(2, entry.building());
			insert.setString(3, entry.location());
			insert.setObject(4, entry.doneAt());
			insert.setString(5, recorder);
			insert.setObject(6, Clock.now());
			insert.setString(7, entry.notes());
			insert.setString(8, source);
			insert.setString(9, entry.clientId());
			return insert;
		}, key);
		long id = key.getKey().longValue();
		for (String photo : entry.photos()) {
			jdbc.update("insert into work_log_photo (work_log_id, upload_id) values (?, ?)", id, photo);
		}
		return id;
	}

	Optional<WorkLog> findByClient(String recorder, String clientId) {
		return jdbc.queryForList("select id from work_log where recorded_by = ? and client_id = ?", Long.class, recorder,
				clientId).stream().findFirst().flatMap(this::find);
	}

	public Optional<WorkLog> find(long id) {
		return query("select * from work_log where id = ?", id).stream().findFirst();
	}

	/** The latest log of a duty in a building: what a round's task shows of the round before. */
	Optional<WorkLog> latest(String duty, String building) {
		return query("select * from work_log where duty = ? and building_code = ? order by done_at desc, id desc "
				+ "fetch first 1 rows only", duty, building).stream().findFirst();
	}

	List<WorkLog> find(String building, String duty, OffsetDateTime from, OffsetDateTime to) {
		StringBuilder sql = new StringBuilder("select * from work_log where done_at >= ? and done_at < ?");
		List<Object> args = new ArrayList<>(List.of(from, to));
		if (building != null) {
			sql.append(" and building_code = ?");
			args.add(building);
		}
		if (duty != null) {
			sql.append(" and duty = ?");
			args.add(duty);
		}
		return query(sql.append(" order by done_at desc, id desc fetch first 500 rows only").toString(), args.toArray());
	}

	private List<WorkLog> query(String sql, Object... args) {
		ActorNames.Reader reader = names.reader();
		return jdbc.query(sql, (rs, i) -> {
			long id = rs.getLong("id");
			String duty = rs.getString("duty");
			return new WorkLog(id, null, duty, Duty.ofCode(duty).map(Duty::label).orElse(duty), rs.getString("building_code"),
					rs.getString("location"), Clock.local(rs.getObject("done_at", OffsetDateTime.class)),
					rs.getString("recorded_by"), null, Clock.local(rs.getObject("recorded_at", OffsetDateTime.class)),
					rs.getString("notes"), rs.getString("source"), rs.getString("client_id"), List.of());
		}, args).stream().map(log -> new WorkLog(log.id(), rounds.roundOf(log.id()).orElse(null), log.duty(),
				log.dutyLabel(), log.building(), log.location(), log.doneAt(), log.recordedBy(),
				reader.nameOf(log.recordedBy()), log.recordedAt(), log.notes(), log.source(), log.clientId(), photos(log.id())))
				.toList();
	}

	private List<String> photos(long workLogId) {
		return jdbc.queryForList("select upload_id from work_log_photo where work_log_id = ? order by upload_id", String.class,
				workLogId).stream().map(id -> "/api/uploads/" + id).toList();
	}

}
