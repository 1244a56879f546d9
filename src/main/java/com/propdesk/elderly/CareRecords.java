package com.propdesk.elderly;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.propdesk.elderly.CareRecord.Contact;
import com.propdesk.elderly.CareRecord.Visit;
import com.propdesk.elderly.CareRules.Settings;
import com.propdesk.security.Groups;
import com.propdesk.system.Clock;
import com.propdesk.system.Privileged;

/**
 * Care records of residents living alone: kept in {@code elderly_care} and {@code elderly_contact}; a new record (or
 * one taken up again) starts the resident's {@code elderly-visit} process, which plans each visit from the record as
 * it is then, so a changed interval or visitor applies from the next visit on.
 */
@Service
public class CareRecords {

	private static final String SELECT = "select c.*, r.name as resident_name, r.phone as resident_phone, r.unit_code, "
			+ "u.building_code from elderly_care c join resident r on r.id = c.resident_id join unit u on u.code = r.unit_code ";

	private final JdbcTemplate jdbc;

	private final RuntimeService runtime;

	private final ProcessEngineConfigurationImpl engine;

	CareRecords(JdbcTemplate jdbc, RuntimeService runtime, ProcessEngineConfigurationImpl engine) {
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.engine = engine;
	}

	public Optional<CareRecord> find(long residentId) {
		return jdbc.query(SELECT + "where c.resident_id = ?", this::record, residentId).stream().findFirst();
	}

	/** The records of a building (or of the estate), active ones only unless asked. */
	public List<CareRecord> list(String building) {
		return building == null ? jdbc.query(SELECT + "where c.active order by r.unit_code", this::record)
				: jdbc.query(SELECT + "where c.active and u.building_code = ? order by r.unit_code", this::record, building);
	}

	/**
	 * Writes the record (new, or replacing its contacts and settings) and makes sure the resident's visits run.
	 * Consent to share health notes is recorded with who recorded it and when, once, while it stays given.
	 * @return true when the record is new
	 */
	public boolean save(long residentId, Settings settings, String actor) {
		OffsetDateTime now = Clock.now();
		Optional<CareRecord> before = find(residentId);
		boolean consentNow = settings.healthConsent() && (before.isEmpty() || !before.get().healthConsent());
		if (before.isEmpty()) {
			jdbc.update("insert into elderly_care (resident_id, visit_every, visitor_group, health_notes, health_consent, "
					+ "consent_recorded_by, consent_recorded_at, active, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)",
					residentId, settings.visitEvery(), settings.visitedBy(), settings.healthNotes(), settings.healthConsent(),
					consentNow ? actor : null, consentNow ? now : null, actor, now);
		}
		else {
			jdbc.update("update elderly_care set visit_every = ?, visitor_group = ?, health_notes = ?, health_consent = ?, "
					+ "consent_recorded_by = case when ? then ? when ? then consent_recorded_by else null end, "
					+ "consent_recorded_at = case when ? then ? when ? then consent_recorded_at else null end, "
					+ "active = true, updated_by = ?, updated_at = ? where resident_id = ?",
					settings.visitEvery(), settings.visitedBy(), settings.healthNotes(), settings.healthConsent(), consentNow, actor,
					settings.healthConsent(), consentNow, now, settings.healthConsent(), actor, now, residentId);
			jdbc.update("delete from elderly_contact where resident_id = ?", residentId);
		}
		int position = 0;
		for (Contact contact : settings.contacts()) {
			jdbc.update("insert into elderly_contact (resident_id, position, name, relation, phone) values (?, ?, ?, ?, ?)",
					residentId, position++, contact.name(), contact.relation(), contact.phone());
		}
		startVisits(residentId);
		showOnOpenVisit(residentId);
		return before.isEmpty();
	}

	/**
	 * The open visit's form follows the record at once: the contacts as they are now, and no health notes once consent
	 * is withdrawn (the interval and visitor apply from the next visit).
	 */
	private void showOnOpenVisit(long residentId) {
		CareRecord care = find(residentId).orElseThrow();
		Privileged.run(engine, () -> {
			runtime.createProcessInstanceQuery().processDefinitionKey(ElderlyVisitProcess.KEY)
					.processInstanceBusinessKey(ElderlyVisitProcess.businessKey(residentId)).list().forEach(instance -> {
						runtime.setVariable(instance.getId(), ElderlyVisitProcess.EMERGENCY_CONTACTS.name(), care.contactsText());
						runtime.setVariable(instance.getId(), ElderlyVisitProcess.HEALTH_NOTES.name(),
								care.healthConsent() ? care.healthNotes() : null);
					});
			return null;
		});
	}

	/** The resident no longer wants visits (or moved): the record stays, the visits end at the next planning. */
	public boolean withdraw(long residentId, String actor) {
		return jdbc.update("update elderly_care set active = false, updated_by = ?, updated_at = ? where resident_id = ?", actor,
				Clock.now(), residentId) > 0;
	}

	/** Starts the resident's visits unless they run already; PropDesk starts its internal process on its own account. */
	void startVisits(long residentId) {
		String key = ElderlyVisitProcess.businessKey(residentId);
		Privileged.run(engine, () -> {
			if (runtime.createProcessInstanceQuery().processDefinitionKey(ElderlyVisitProcess.KEY).processInstanceBusinessKey(key)
					.count() == 0) {
				String id = runtime.startProcessInstanceByKey(ElderlyVisitProcess.KEY, key,
						Map.of(ElderlyVisitProcess.RESIDENT_ID.name(), residentId)).getId();
				jdbc.update("update elderly_care set process_instance_id = ? where resident_id = ?", id, residentId);
			}
			return null;
		});
	}

	/** Residents flagged as living alone in the registry who have no care record yet. */
	List<Long> flaggedWithoutRecord() {
		return jdbc.queryForList("select r.id from resident r where r.elderly_alone and not exists "
				+ "(select 1 from elderly_care c where c.resident_id = r.id) order by r.id", Long.class);
	}

	/** A building's residents living alone, with their contacts where a care record has them, for an emergency's teams. */
	public List<String> ofBuilding(String building) {
		List<String> lines = new ArrayList<>();
		jdbc.query("select r.id, r.name, r.phone, r.unit_code, r.special_needs from resident r join unit u on u.code = r.unit_code "
				+ "where r.elderly_alone and u.building_code = ? order by u.floor, r.unit_code", rs -> {
					long id = rs.getLong("id");
					String contacts = find(id).filter(CareRecord::active).map(CareRecord::contactsText).orElse("（未登记紧急联系人）");
					String needs = rs.getString("special_needs");
					lines.add(rs.getString("unit_code") + " " + rs.getString("name") + " " + rs.getString("phone")
							+ (needs == null ? "" : "，" + needs) + "；紧急联系人：" + contacts);
				}, building);
		return lines;
	}

	private CareRecord record(ResultSet rs, int row) throws SQLException {
		long residentId = rs.getLong("resident_id");
		List<Contact> contacts = jdbc.query("select name, relation, phone from elderly_contact where resident_id = ? order by position",
				(c, i) -> new Contact(c.getString("name"), c.getString("relation"), c.getString("phone")), residentId);
		String every = rs.getString("visit_every");
		String group = rs.getString("visitor_group");
		return new CareRecord(residentId, rs.getString("resident_name"), rs.getString("unit_code"), rs.getString("building_code"),
				rs.getString("resident_phone"), every, CareRules.INTERVALS.getOrDefault(every, every), group, Groups.label(group),
				contacts, rs.getString("health_notes"), rs.getBoolean("health_consent"), rs.getString("consent_recorded_by"),
				Clock.local(rs.getObject("consent_recorded_at", OffsetDateTime.class)), rs.getBoolean("active"),
				rs.getString("updated_by"), Clock.local(rs.getObject("updated_at", OffsetDateTime.class)), (Visit) null);
	}

}
