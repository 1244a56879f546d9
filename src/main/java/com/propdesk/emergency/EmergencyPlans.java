package com.propdesk.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

/** The emergency plan library; a plan is never changed in place, a change is a new version. */
@Repository
public class EmergencyPlans {

	private static final RowMapper<EmergencyPlan> PLAN = (rs, i) -> new EmergencyPlan(rs.getString("incident_type"),
			rs.getInt("version"), rs.getString("title"), rs.getBoolean("life_safety"), rs.getString("steps"),
			rs.getString("contacts"), rs.getString("changed_by"), rs.getString("change_note"),
			Clock.local(rs.getObject("created_at", OffsetDateTime.class)));

	private final JdbcTemplate jdbc;

	EmergencyPlans(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<EmergencyPlan> current(String incidentType) {
		return jdbc.query("select * from emergency_plan where incident_type = ? order by version desc", PLAN, incidentType)
				.stream().findFirst();
	}

	public List<EmergencyPlan> versions(String incidentType) {
		return jdbc.query("select * from emergency_plan where incident_type = ? order by version", PLAN, incidentType);
	}

	public List<EmergencyPlan> currentPlans() {
		return jdbc.query("select p.* from emergency_plan p where p.version = (select max(q.version) from emergency_plan q "
				+ "where q.incident_type = p.incident_type) order by p.incident_type", PLAN);
	}

	/** Adds the next version of a plan; two concurrent changes cannot both become the same version (primary key). */
	public EmergencyPlan publish(String incidentType, String title, boolean lifeSafety, String steps, String contacts,
			String changedBy, String changeNote) {
		int version = current(incidentType).map(p -> p.version() + 1).orElse(1);
		OffsetDateTime now = Clock.now();
		jdbc.update("insert into emergency_plan (incident_type, version, title, life_safety, steps, contacts, changed_by, "
				+ "change_note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", incidentType, version, title, lifeSafety,
				steps, contacts, changedBy, changeNote, now);
		return current(incidentType).orElseThrow();
	}

}
