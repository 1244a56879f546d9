package com.propdesk.inquiry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;

/**
 * The knowledge base's tables: entries are never changed in place (a change is a new version, a
 * withdrawal ends the validity of the current one), wordings the desk confirmed, drafts from
 * hand-written answers, and the log of every inquiry with what the knowledge base offered for it.
 */
@Repository
class KnowledgeBase implements KnowledgeMatcher.Source {

	private static final RowMapper<KnowledgeEntry> ENTRY = (rs, i) -> new KnowledgeEntry(rs.getString("code"),
			rs.getInt("version"), rs.getString("category"), rs.getString("department"), rs.getString("question"),
			rs.getString("answer"), keywords(rs.getString("keywords")), rs.getObject("valid_from", LocalDate.class),
			rs.getObject("valid_to", LocalDate.class), rs.getString("changed_by"), rs.getString("change_note"),
			Clock.local(rs.getObject("created_at", OffsetDateTime.class)));

	/** The current version of every code: the highest one. */
	private static final String LATEST = "select e.* from kb_entry e where e.version = "
			+ "(select max(l.version) from kb_entry l where l.code = e.code)";

	private final JdbcTemplate jdbc;

	KnowledgeBase(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The entries owners may be answered with today: the latest version of each code, if valid today. */
	@Override
	public List<KnowledgeEntry> answerable() {
		LocalDate today = Clock.now().toLocalDate();
		return latest().stream().filter(e -> e.validOn(today)).toList();
	}

	/** The latest version of every code, withdrawn or not yet valid ones included. */
	List<KnowledgeEntry> latest() {
		return jdbc.query(LATEST + " order by e.category, e.code", ENTRY);
	}

	Optional<KnowledgeEntry> latest(String code) {
		return jdbc.query("select * from kb_entry where code = ? order by version desc", ENTRY, code).stream().findFirst();
	}

	List<KnowledgeEntry> versions(String code) {
		return jdbc.query("select * from kb_entry where code = ? order by version", ENTRY, code);
	}

	boolean isEmpty() {
		return jdbc.queryForObject("select count(*) from kb_entry", Integer.class) == 0;
	}

	/** A token that changes whenever an entry is added: the matcher rebuilds its index when it does. */
	@Override
	public String revision() {
		// the day is part of it: an entry's validity begins or ends without any row changing
		return jdbc.queryForObject("select (select count(*) from kb_entry), (select max(created_at) from kb_entry), "
				+ "(select count(*) from kb_phrasing where removed_at is null), (select max(id) from kb_phrasing)",
				(rs, i) -> rs.getLong(1) + ":" + rs.getObject(2, OffsetDateTime.class) + ":" + rs.getLong(3) + ":"
						+ rs.getLong(4) + ":" + Clock.now().toLocalDate());
	}

	/** Adds the next version of an entry; two concurrent changes cannot make the same version (primary key). */
	KnowledgeEntry publish(String code, String category, String department, String question, String answer,
			List<String> keywords, LocalDate validFrom, LocalDate validTo, String changedBy, String changeNote) {
		int version = latest(code).map(e -> e.version() + 1).orElse(1);
		jdbc.update("insert into kb_entry (code, version, category, department, question, answer, keywords, valid_from, "
				+ "valid_to, changed_by, change_note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", code, version,
				category, department, question, answer, String.join(",", keywords), validFrom, validTo, changedBy, changeNote,
				Clock.now());
		return latest(code).orElseThrow();
	}

	private static List<String> keywords(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
	}

	// wordings confirmed by the desk

	record Phrasing(long id, String code, String question, String caseNo, String confirmedBy,
			OffsetDateTime confirmedAt) {
	}

	@Override
	public Map<String, List<String>> phrasings() {
		Map<String, List<String>> phrasings = new HashMap<>();
		jdbc.query("select code, question from kb_phrasing where removed_at is null order by id",
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> phrasings
						.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(rs.getString("question")));
		return phrasings;
	}

	List<Phrasing> phrasingsOf(String code) {
		return jdbc.query("select * from kb_phrasing where code = ? and removed_at is null order by id",
				(rs, i) -> new Phrasing(rs.getLong("id"), rs.getString("code"), rs.getString("question"),
						rs.getString("case_no"), rs.getString("confirmed_by"),
						Clock.local(rs.getObject("confirmed_at", OffsetDateTime.class))),
				code);
	}

	void confirm(String code, String question, String caseNo, String confirmedBy) {
		jdbc.update("insert into kb_phrasing (code, question, case_no, confirmed_by, confirmed_at) values (?, ?, ?, ?, ?)",
				code, question, caseNo, confirmedBy, Clock.now());
	}

	/** @return whether a wording of this entry was removed */
	boolean removePhrasing(String code, long id, String removedBy) {
		return jdbc.update("update kb_phrasing set removed_by = ?, removed_at = ? where id = ? and code = ? "
				+ "and removed_at is null", removedBy, Clock.now(), id, code) == 1;
	}

	// drafts

	record Draft(long id, String caseNo, String category, String department, String question, String answer,
			String proposedBy, OffsetDateTime proposedAt, String status, String entryCode, String reviewedBy,
			OffsetDateTime reviewedAt, String reviewNote) {
	}

	private static final RowMapper<Draft> DRAFT = (rs, i) -> new Draft(rs.getLong("id"), rs.getString("case_no"),
			rs.getString("category"), rs.getString("department"), rs.getString("question"), rs.getString("answer"),
			rs.getString("proposed_by"), Clock.local(rs.getObject("proposed_at", OffsetDateTime.class)),
			rs.getString("status"), rs.getString("entry_code"), rs.getString("reviewed_by"),
			Clock.local(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("review_note"));

	long propose(String caseNo, String category, String department, String question, String answer, String proposedBy) {
		jdbc.update("insert into kb_draft (case_no, category, department, question, answer, proposed_by, proposed_at, status) "
				+ "values (?, ?, ?, ?, ?, ?, ?, 'pending')", caseNo, category, department, question, answer, proposedBy,
				Clock.now());
		return jdbc.queryForObject("select max(id) from kb_draft where case_no = ?", Long.class, caseNo);
	}

	Optional<Draft> pendingDraftOf(String caseNo) {
		return jdbc.query("select * from kb_draft where case_no = ? and status = 'pending' order by id desc", DRAFT, caseNo)
				.stream().findFirst();
	}

	List<Draft> drafts(String status) {
		return jdbc.query("select * from kb_draft where status = ? order by proposed_at", DRAFT, status);
	}

	void reviewed(long id, String status, String entryCode, String reviewedBy, String note) {
		jdbc.update("update kb_draft set status = ?, entry_code = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? "
				+ "where id = ?", status, entryCode, reviewedBy, Clock.now(), note, id);
	}

	// the inquiry log

	record Asked(String caseNo, OffsetDateTime askedAt, String question, String bestCode, Double confidence,
			String route, String outcome, String answeredCode) {
	}

	private static final RowMapper<Asked> ASKED = (rs, i) -> new Asked(rs.getString("case_no"),
			Clock.local(rs.getObject("asked_at", OffsetDateTime.class)), rs.getString("question"),
			rs.getString("best_code"), rs.getObject("confidence", Double.class), rs.getString("route"),
			rs.getString("outcome"), rs.getString("answered_code"));

	void asked(String caseNo, OffsetDateTime askedAt, String question, String bestCode, Double confidence, String route) {
		jdbc.update("insert into inquiry_question (case_no, asked_at, question, best_code, confidence, route) "
				+ "values (?, ?, ?, ?, ?, ?)", caseNo, askedAt, question, bestCode, confidence, route);
	}

	void answered(String caseNo, String outcome, String answeredCode) {
		jdbc.update("update inquiry_question set outcome = ?, answered_code = ?, answered_at = ? where case_no = ?", outcome,
				answeredCode, Clock.now(), caseNo);
	}

	/**
	 * Inquiries the knowledge base could have answered but did not (answered by hand or by a specialist the
	 * desk chose) since a time, newest first; disputes the triage table sent to specialists are not questions
	 * for the knowledge base.
	 */
	List<Asked> answeredWithoutKnowledge(OffsetDateTime since) {
		return jdbc.query("select * from inquiry_question where outcome in ('own', 'specialist') and route <> 'specialist' "
				+ "and asked_at >= ? "
				+ "order by asked_at desc", ASKED, since);
	}

}
