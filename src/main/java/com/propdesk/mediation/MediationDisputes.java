package com.propdesk.mediation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

/** The units of each dispute ({@code mediation_party}) and the evidence attached to it ({@code mediation_evidence}). */
@Repository
class MediationDisputes {

	private final JdbcTemplate jdbc;

	MediationDisputes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void saveParties(String caseNo, String reporterUnit, List<String> otherUnits, OffsetDateTime openedAt) {
		if (!jdbc.queryForList("select unit from mediation_party where case_no = ?", String.class, caseNo).isEmpty()) {
			return;
		}
		jdbc.update("insert into mediation_party (case_no, unit, side, opened_at) values (?, ?, ?, ?)", caseNo, reporterUnit,
				MediationProcess.REPORTER_SIDE, openedAt);
		for (String other : otherUnits) {
			jdbc.update("insert into mediation_party (case_no, unit, side, opened_at) values (?, ?, ?, ?)", caseNo, other,
					MediationProcess.OTHER_SIDE, openedAt);
		}
	}

	/** The disputes opened since {@code since} that involve any of {@code units}, newest first, this case left out. */
	List<MediationRules.Dispute> involving(List<String> units, OffsetDateTime since, String exceptCaseNo) {
		String marks = String.join(",", units.stream().map(u -> "?").toList());
		Object[] args = new Object[units.size() + 2];
		for (int i = 0; i < units.size(); i++) {
			args[i] = units.get(i);
		}
		args[units.size()] = since;
		args[units.size() + 1] = exceptCaseNo;
		List<String> caseNos = jdbc.queryForList("select case_no from mediation_party where unit in (" + marks
				+ ") and opened_at >= ? and case_no <> ? group by case_no order by max(opened_at) desc, case_no desc",
				String.class, args);
		return caseNos.stream().map(this::dispute).toList();
	}

	private MediationRules.Dispute dispute(String caseNo) {
		Map<String, String> sides = new LinkedHashMap<>();
		jdbc.query("select unit, side from mediation_party where case_no = ? order by unit",
				rs -> {
					sides.put(rs.getString("unit"), rs.getString("side"));
				}, caseNo);
		String reporter = sides.entrySet().stream().filter(e -> MediationProcess.REPORTER_SIDE.equals(e.getValue()))
				.map(Map.Entry::getKey).findFirst().orElse("");
		var others = new LinkedHashSet<String>();
		sides.forEach((unit, side) -> {
			if (MediationProcess.OTHER_SIDE.equals(side)) {
				others.add(unit);
			}
		});
		return new MediationRules.Dispute(caseNo, reporter, others);
	}

	void attach(String caseNo, MediationRules.Evidence evidence, String recordedBy) {
		jdbc.update("insert into mediation_evidence (case_no, upload_id, kind, recorded_by, recorded_at) "
				+ "select ?, ?, ?, ?, ? where not exists (select 1 from mediation_evidence where case_no = ? and upload_id = ?)",
				caseNo, evidence.uploadId(), evidence.kind(), recordedBy, Clock.now(), caseNo, evidence.uploadId());
	}

	List<MediationRules.Evidence> evidence(String caseNo) {
		return jdbc.query("select kind, upload_id from mediation_evidence where case_no = ? order by recorded_at, upload_id",
				(rs, i) -> new MediationRules.Evidence(rs.getString("kind"), rs.getString("upload_id")), caseNo);
	}

}
