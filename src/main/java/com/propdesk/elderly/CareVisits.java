package com.propdesk.elderly;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import com.propdesk.elderly.CareRecord.Visit;
import com.propdesk.elderly.CareRules.Findings;
import com.propdesk.system.Clock;

/** The visits of residents under care ({@code elderly_visit}): planned, done, missed, and what came of them. */
@Service
public class CareVisits {

	private static final Map<String, String> STATUS = Map.of(Visit.DUE, "待探访", Visit.DONE, "已探访", Visit.MISSED, "未按时探访");

	private final JdbcTemplate jdbc;

	private final CareRecords records;

	CareVisits(JdbcTemplate jdbc, CareRecords records) {
		this.jdbc = jdbc;
		this.records = records;
	}

	/**
	 * Plans the resident's next visit from the care record as it is now: it opens when the last one was due (now, the
	 * first time or when that is past) and is due one interval later.
	 * @return the visit, or empty when the resident is no longer under care
	 */
	Optional<Visit> planNext(long residentId, String processInstanceId) {
		Optional<CareRecord> care = records.find(residentId).filter(CareRecord::active);
		if (care.isEmpty()) {
			return Optional.empty();
		}
		OffsetDateTime lastDue = jdbc.queryForObject("select max(due_at) from elderly_visit where resident_id = ?",
				OffsetDateTime.class, residentId);
		OffsetDateTime[] window = CareRules.nextWindow(lastDue, care.get().visitEvery(), Clock.now());
		var key = new GeneratedKeyHolder();
		jdbc.update(c -> {
			var s = c.prepareStatement("insert into elderly_visit (resident_id, opens_at, due_at, status, visitor_group, "
					+ "process_instance_id) values (?, ?, ?, ?, ?, ?)", new String[] { "id" });
			s.setLong(1, residentId);
			s.setObject(2, window[0]);
			s.setObject(3, window[1]);
			s.setString(4, Visit.DUE);
			s.setString(5, care.get().visitedBy());
			s.setString(6, processInstanceId);
			return s;
		}, key);
		return find(key.getKey().longValue());
	}

	public Optional<Visit> find(long visitId) {
		return jdbc.query("select * from elderly_visit where id = ?", this::visit, visitId).stream().findFirst();
	}

	/** A resident's visits, the latest first. */
	public List<Visit> of(long residentId, int limit) {
		return jdbc.query("select * from elderly_visit where resident_id = ? order by opens_at desc limit " + limit, this::visit,
				residentId);
	}

	/** The visit still open, if any. */
	Optional<Visit> open(long residentId) {
		return jdbc.query("select * from elderly_visit where resident_id = ? and status = ? order by opens_at desc", this::visit,
				residentId, Visit.DUE).stream().findFirst();
	}

	/** The last visit done, as the next visitor reads it. */
	String previousText(long residentId) {
		return jdbc.query("select * from elderly_visit where resident_id = ? and status = ? order by done_at desc limit 1",
				this::visit, residentId, Visit.DONE).stream().findFirst()
				.map(v -> CareRules.time(v.doneAt()) + " " + v.visitedBy() + "：住户" + v.wellbeingLabel() + "；" + v.facilityChecks()
						+ (v.notes() == null ? "" : "；" + v.notes()) + (v.requests() == null ? "" : "；" + v.requests()))
				.orElse("（此前没有探访记录）");
	}

	void done(long visitId, Findings findings, String actor) {
		jdbc.update("update elderly_visit set status = ?, done_at = ?, visited_by = ?, wellbeing = ?, facility_checks = ?, notes = ?, "
				+ "requests = ?, errand = ? where id = ?", Visit.DONE, Clock.now(), actor, findings.wellbeing(), findings.checksText(),
				findings.notes(), findings.requestsText(), findings.errand(), visitId);
	}

	/**
	 * The visit's window ended without a visit.
	 * @return how many visits in a row the resident has now missed, this one included
	 */
	int missed(long visitId) {
		jdbc.update("update elderly_visit set status = ? where id = ? and status = ?", Visit.MISSED, visitId, Visit.DUE);
		long residentId = find(visitId).orElseThrow().residentId();
		int inRow = 0;
		for (String status : jdbc.queryForList("select status from elderly_visit where resident_id = ? and status <> ? "
				+ "order by opens_at desc", String.class, residentId, Visit.DUE)) {
			if (!Visit.MISSED.equals(status)) {
				break;
			}
			inRow++;
		}
		return inRow;
	}

	/** The missed visits in a row, as the desk reads them before phoning the contacts. */
	String missedText(long residentId, int inRow) {
		return String.join("；", jdbc.query("select * from elderly_visit where resident_id = ? and status = ? order by opens_at desc "
				+ "limit " + inRow, this::visit, residentId, Visit.MISSED).stream()
				.map(v -> CareRules.window(v.opensAt(), v.dueAt()) + " 未探访").toList());
	}

	void repairOpened(long visitId, String caseNo) {
		jdbc.update("update elderly_visit set repair_case_no = ? where id = ?", caseNo, visitId);
	}

	void inquiryOpened(long visitId, String caseNo) {
		jdbc.update("update elderly_visit set inquiry_case_no = ? where id = ?", caseNo, visitId);
	}

	void errandDone(long visitId, String result, String actor) {
		jdbc.update("update elderly_visit set errand_result = ?, errand_done_by = ?, errand_done_at = ? where id = ?", result, actor,
				Clock.now(), visitId);
	}

	void contactCalled(long visitId, String note, String actor) {
		jdbc.update("update elderly_visit set contact_call_note = ?, contact_called_by = ?, contact_called_at = ? where id = ?", note,
				actor, Clock.now(), visitId);
	}

	private Visit visit(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		String wellbeing = rs.getString("wellbeing");
		return new Visit(rs.getLong("id"), time(rs, "opens_at"), time(rs, "due_at"), status, STATUS.get(status),
				rs.getString("visitor_group"), time(rs, "done_at"), rs.getString("visited_by"), wellbeing,
				wellbeing == null ? null : CareRules.WELLBEING.get(wellbeing), rs.getString("facility_checks"), rs.getString("notes"),
				rs.getString("requests"), rs.getString("repair_case_no"), rs.getString("inquiry_case_no"), rs.getString("errand"),
				rs.getString("errand_result"), rs.getString("errand_done_by"), time(rs, "errand_done_at"),
				rs.getString("contact_call_note"), rs.getString("contact_called_by"), time(rs, "contact_called_at"),
				rs.getLong("resident_id"));
	}

	private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		return Clock.local(rs.getObject(column, OffsetDateTime.class));
	}

}
