package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

import com.propdesk.system.Clock;
import com.propdesk.system.Databases;
import com.propdesk.system.TextRules;
import com.propdesk.system.TransactionReads;

/** The case table, its timeline and its links. */
@Repository
class CaseRepository {

	private static final String TABLE = "case_record";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final RowMapper<CaseRecord> CASE = (rs, i) -> new CaseRecord(rs.getString("case_no"),
			types().get(rs.getString("type")), rs.getString("channel"), rs.getString("external_id"),
			rs.getString("reporter_name"), rs.getString("reporter_phone"), rs.getString("building_code"),
			rs.getString("unit_code"), rs.getString("category"), rs.getString("description"),
			rs.getString("callback_url"), rs.getString("tracking_token"), CaseStatus.of(rs.getString("status")),
			rs.getString("priority"), rs.getString("department"), rs.getString("process_instance_id"),
			Clock.local(rs.getObject("created_at", OffsetDateTime.class)),
			Clock.local(rs.getObject("updated_at", OffsetDateTime.class)), rs.getString("answer"));

	private static final RowMapper<CaseEvent> EVENT = (rs, i) -> new CaseEvent(
			Clock.local(rs.getObject("at", OffsetDateTime.class)), rs.getString("kind"), rs.getString("actor"),
			rs.getString("message"));

	private static final RowMapper<CaseLink> LINK = (rs, i) -> new CaseLink(rs.getString("linked_case_no"),
			rs.getString("relation"));

	private final JdbcTemplate jdbc;

	private final DataFieldMaxValueIncrementer caseNumbers;

	private final CaseTypes types;

	private final ApplicationEventPublisher events;

	CaseRepository(JdbcTemplate jdbc, DataSource dataSource, CaseTypes types, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.types = types;
		this.events = events;
		this.caseNumbers = sequence(dataSource);
	}

	private CaseTypes types() {
		return types;
	}

	private static DataFieldMaxValueIncrementer sequence(DataSource dataSource) {
		return Databases.postgres(dataSource) ? new PostgresSequenceMaxValueIncrementer(dataSource, "case_no_seq")
				: new H2SequenceMaxValueIncrementer(dataSource, "case_no_seq");
	}

	/** A new case number: type letter, local date, then a number unique across the estate. */
	String nextCaseNo(CaseTypeDefinition type, OffsetDateTime now) {
		return "%s-%s-%04d".formatted(type.prefix(), DAY.format(now), caseNumbers.nextLongValue());
	}

	/**
	 * Moves the case-number sequence past the highest number a case holds, when it lags behind it (a database restored
	 * from a backup taken between the sequence and the table, a sequence reset by hand): the next number is then new.
	 * @return whether the sequence had to move
	 */
	boolean skipIssuedNumbers() {
		// the running number is what follows the last '-'; archive numbers (R-20261128-A6001) carry a letter and are
		// no sequence value
		Long highest = jdbc.queryForObject("select max(cast(regexp_replace(case_no, '^.*-', '') as bigint)) "
				+ "from case_record where regexp_replace(case_no, '^.*-[0-9]+$', '') = ''", Long.class);
		long next = caseNumbers.nextLongValue();
		if (highest == null || next > highest) {
			return false;
		}
		jdbc.execute("alter sequence case_no_seq restart with " + (highest + 1));
		return true;
	}

	void insert(CaseRecord c) {
		jdbc.update("insert into case_record (case_no, type, channel, external_id, reporter_name, reporter_phone, "
				+ "building_code, unit_code, category, description, callback_url, tracking_token, status, priority, "
				+ "department, process_instance_id, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.caseNo(), c.type().key(),
				c.channel(), c.externalId(), c.reporterName(), c.reporterPhone(), c.building(), c.unit(),
				c.category(), c.description(), c.callbackUrl(), c.trackingToken(), c.status().code(), c.priority(),
				c.department(), c.processInstanceId(), c.createdAt(), c.updatedAt());
		TransactionReads.forget(TABLE, c.caseNo());
	}

	/**
	 * The case, read once per transaction (an intake's first steps each ask for it; see {@link TransactionReads}):
	 * every write below forgets it.
	 */
	Optional<CaseRecord> find(String caseNo) {
		return TransactionReads.read(TABLE, caseNo,
				() -> jdbc.query("select * from case_record where case_no = ?", CASE, caseNo).stream().findFirst());
	}

	/** The case, its row locked until the transaction ends: what is decided from its timeline is decided once. */
	Optional<CaseRecord> findForUpdate(String caseNo) {
		return TransactionReads.keep(TABLE, caseNo,
				jdbc.query("select * from case_record where case_no = ? for update", CASE, caseNo).stream().findFirst());
	}

	Optional<CaseRecord> findByExternalId(String channel, String externalId) {
		return jdbc.query("select * from case_record where channel = ? and external_id = ?", CASE, channel, externalId)
				.stream().findFirst();
	}

	void attachProcess(String caseNo, String processInstanceId) {
		jdbc.update("update case_record set process_instance_id = ? where case_no = ?", processInstanceId, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void classify(String caseNo, String category, String priority, String department, OffsetDateTime now) {
		jdbc.update("update case_record set category = ?, priority = ?, department = ?, updated_at = ? where case_no = ?",
				category, priority, department, now, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void locate(String caseNo, String building, String unit, OffsetDateTime now) {
		jdbc.update("update case_record set building_code = ?, unit_code = ?, updated_at = ? where case_no = ?", building,
				unit, now, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void reporter(String caseNo, String name, String phone, OffsetDateTime now) {
		jdbc.update("update case_record set reporter_name = ?, reporter_phone = ?, updated_at = ? where case_no = ?", name,
				phone, now, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void answer(String caseNo, String answer, OffsetDateTime now) {
		jdbc.update("update case_record set answer = ?, updated_at = ? where case_no = ?", answer, now, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	/** The owner's score, kept on the case for the monthly report's satisfaction figure. */
	void feedbackScore(String caseNo, int score) {
		jdbc.update("update case_record set feedback_score = ? where case_no = ?", score, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void markDrill(String caseNo) {
		jdbc.update("update case_record set drill = true where case_no = ?", caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	void status(String caseNo, CaseStatus status, OffsetDateTime now) {
		jdbc.update("update case_record set status = ?, updated_at = ? where case_no = ?", status.code(), now, caseNo);
		TransactionReads.forget(TABLE, caseNo);
	}

	/** What case_event.message and audit_trail.detail hold. */
	static final int EVENT_MESSAGE = 2000;

	/**
	 * A timeline line, and the same event published for the tamper-evident audit trail, which appends it in
	 * this transaction. A line
	 * quotes what people wrote (a report, a reply) after its own words, so one longer than the column is cut with
	 * an ellipsis; the quoted text stays whole where it is kept.
	 */
	void addEvent(String caseNo, CaseEvent event) {
		String message = TextRules.shorten(event.message(), EVENT_MESSAGE);
		jdbc.update("insert into case_event (case_no, at, kind, actor, message) values (?, ?, ?, ?, ?)", caseNo,
				event.at(), event.kind(), event.actor(), message);
		events.publishEvent(new CaseEventRecorded(caseNo, new CaseEvent(event.at(), event.kind(), event.actor(), message)));
	}

	List<CaseEvent> events(String caseNo) {
		return jdbc.query("select * from case_event where case_no = ? order by id", EVENT, caseNo);
	}

	List<CaseLink> links(String caseNo) {
		return jdbc.query("select linked_case_no, relation from case_link where case_no = ? order by created_at",
				LINK, caseNo);
	}

	void link(String caseNo, String linkedCaseNo, String relation, OffsetDateTime now) {
		jdbc.update("insert into case_link (case_no, linked_case_no, relation, created_at) values (?, ?, ?, ?)", caseNo,
				linkedCaseNo, relation, now);
	}

	/** Complaints opened about the same unit since a time (the repeat rule). */
	int complaintsOfUnitSince(String unit, OffsetDateTime since, String except) {
		return jdbc.queryForObject("select count(*) from case_record where type = 'complaint' and unit_code = ? "
				+ "and created_at >= ? and case_no <> ?", Integer.class, unit, since, except);
	}

}
