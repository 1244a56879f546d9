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

/**
 * The duty plans ({@code duty_plan}). Other parts of PropDesk insert plans too (a repeat fault's preventive duty):
 * everything here reads the table as it is, never a cache of what this class wrote.
 */
@Repository
public class DutyPlans {

	static final RowMapper<DutyPlan> PLAN = (rs, i) -> new DutyPlan(rs.getLong("id"), rs.getString("duty"),
			Duty.ofCode(rs.getString("duty")).map(Duty::label).orElse(rs.getString("duty")), rs.getString("building_code"),
			rs.getString("location"), rs.getString("department"), rs.getString("every_period"), rs.getString("round_window"),
			Clock.local(rs.getObject("first_start", OffsetDateTime.class)), rs.getString("contractor"), rs.getString("note"),
			(Long) rs.getObject("repeat_fault_id", Long.class), rs.getBoolean("active"), rs.getString("created_by"),
			Clock.local(rs.getObject("created_at", OffsetDateTime.class)));

	/** What staff set on a plan; the department follows from the duty. */
	public record Settings(Duty duty, String building, String location, String every, String window, OffsetDateTime firstStart,
			String contractor, String note) {
	}

	private final JdbcTemplate jdbc;

	DutyPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<DutyPlan> active() {
		return jdbc.query("select * from duty_plan where active = true order by id", PLAN);
	}

	List<DutyPlan> find(String building, String department, boolean activeOnly) {
		StringBuilder sql = new StringBuilder("select * from duty_plan where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (building != null) {
			sql.append(" and building_code = ?");
			args.add(building);
		}
		if (department != null) {
			sql.append(" and department = ?");
			args.add(department);
		}
		if (activeOnly) {
			sql.append(" and active = true");
		}
		return jdbc.query(sql.append(" order by building_code, id").toString(), PLAN, args.toArray());
	}

	Optional<DutyPlan> find(long id) {
		return jdbc.query("select * from duty_plan where id = ?", PLAN, id).stream().findFirst();
	}

	boolean isEmpty() {
		return jdbc.queryForObject("select count(*) from duty_plan", Integer.class) == 0;
	}

	DutyPlan create(Settings settings, String createdBy) {
		return create(settings, createdBy, null);
	}

	/** A plan that is a repeat fault's preventive measure: planned like any other, and it names the flag. */
	public DutyPlan createFor(long repeatFaultId, Settings settings, String createdBy) {
		return create(settings, createdBy, repeatFaultId);
	}

	private DutyPlan create(Settings settings, String createdBy, Long repeatFaultId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("insert into duty_plan (duty, building_code, location, department, "
					+ "every_period, round_window, first_start, contractor, note, repeat_fault_id, active, created_by, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)", new String[] { "id" });
			insert.setString(1, settings.duty().code());
			insert.setString(2, settings.building());
			insert.setString(3, settings.location());
			insert.setString(4, settings.duty().department());
			insert.setString(5, settings.every());
			insert.setString(6, settings.window());
			insert.setObject(7, settings.firstStart());
			insert.setString(8, settings.contractor());
			insert.setString(9, settings.note());
			insert.setObject(10, repeatFaultId, java.sql.Types.BIGINT);
			insert.setString(11, createdBy);
			insert.setObject(12, Clock.now());
			return insert;
		}, key);
		return find(key.getKey().longValue()).orElseThrow();
	}

	/** Changes a plan's settings; rounds already planned keep the times they were given. */
	void update(long id, Settings settings) {
		jdbc.update("update duty_plan set duty = ?, building_code = ?, location = ?, department = ?, every_period = ?, "
				+ "round_window = ?, first_start = ?, contractor = ?, note = ? where id = ?", settings.duty().code(),
				settings.building(), settings.location(), settings.duty().department(), settings.every(), settings.window(),
				settings.firstStart(), settings.contractor(), settings.note(), id);
	}

	/** Nothing more is planned for it; its history stays. */
	void deactivate(long id) {
		jdbc.update("update duty_plan set active = false where id = ?", id);
	}

}
