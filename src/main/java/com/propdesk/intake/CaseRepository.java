package com.propdesk.intake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
		TransactionReads.keep(TABLE, c.caseNo(), Optional.of(new CaseRecord(c.caseNo(), c.type(), c.channel(),
				c.externalId(), c.reporterName(), c.reporterPhone(), c.building(), c.unit(), c.category(), c.description(),
				c.callbackUrl(), c.trackingToken(), c.status(), c.priority(), c.department(), c.processInstanceId(),
				stored(c.createdAt()), stored(c.updatedAt()), c.answer())));
	}

	/**
	 * What the intake's steps write is kept as the table now holds it, where this transaction keeps the case: each of
	 * them reads it next. Other writes are rarer and make the next read read.
	 */
	private static void wrote(String caseNo, UnaryOperator<CaseRecord> change) {
		TransactionReads.<CaseRecord>kept(TABLE, caseNo)
				.ifPresent(kept -> TransactionReads.keep(TABLE, caseNo, Optional.of(change.apply(kept))));
	}

	/** A time as it reads back: in the estate's zone, to the microsecond the column keeps. */
	private static OffsetDateTime stored(OffsetDateTime time) {
		return time == null ? null : Clock.local(time.truncatedTo(ChronoUnit.MICROS));
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
		wrote(caseNo, c -> c.withProcess(processInstanceId));
	}

	void classify(String caseNo, String category, String priority, String department, OffsetDateTime now) {
		jdbc.update("update case_record set category = ?, priority = ?, department = ?, updated_at = ? where case_no = ?",
				category, priority, department, now, caseNo);
		wrote(caseNo, c -> c.classified(category, priority, department, stored(now)));
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
		wrote(caseNo, c -> c.withStatus(status, stored(now)));
	}

	/** What case_event.message and audit_trail.detail hold. */
	static final int EVENT_MESSAGE = 2000;

	/**
	 * A timeline line, and the same event published for the tamper-evident audit trail, which appends it in
	 * this transaction. A line
	 * quotes what people wrote (a report, a reply) after its own words, so one longer than the column is cut with
	 * an ellipsis; the quoted text stays whole where it is kept.
	 */
	/** @return the line as stored (its message shortened to the column) */
	CaseEvent addEvent(String caseNo, CaseEvent event) {
		String message = TextRules.shorten(event.message(), EVENT_MESSAGE);
		Object[] line = { caseNo, event.at(), event.kind(), event.actor(), message };
		PendingLines pending = pendingLines(true);
		if (pending == null) {
			jdbc.update(INSERT_EVENT, line);
		}
		else {
			pending.lines.add(line);
		}
		CaseEvent stored = new CaseEvent(event.at(), event.kind(), event.actor(), message);
		events.publishEvent(new CaseEventRecorded(caseNo, stored));
		return stored;
	}

	/** The timeline as the table holds it, with the lines this transaction has added so far. */
	List<CaseEvent> events(String caseNo) {
		PendingLines pending = pendingLines(false);
		if (pending != null) {
			pending.write();
		}
		return jdbc.query("select * from case_event where case_no = ? order by id", EVENT, caseNo);
	}

	private static final String INSERT_EVENT = "insert into case_event (case_no, at, kind, actor, message) values (?, ?, ?, ?, ?)";

	/**
	 * A transaction's timeline lines wait until it is about to commit and go in one batch: an intake's nine lines
	 * were nine round trips. Null outside a transaction, and once the lines have gone at the commit (a line that
	 * something adds after that is written at once, so a savepoint rolled back there takes it with it), and where
	 * none wait unless {@code create}.
	 */
	private PendingLines pendingLines(boolean create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingLines pending && pending.owner == this) {
				return pending.committing ? null : pending;
			}
		}
		if (!create) {
			return null;
		}
		PendingLines pending = new PendingLines(this);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/**
	 * Written before anything else that runs when the transaction is about to commit (a repeat fault's look reads
	 * earlier repairs' lines); a transaction of its own (REQUIRES_NEW) has its own.
	 */
	private static final class PendingLines implements TransactionSynchronization {

		final CaseRepository owner;

		final List<Object[]> lines = new ArrayList<>();

		boolean committing;

		PendingLines(CaseRepository owner) {
			this.owner = owner;
		}

		void write() {
			if (!lines.isEmpty()) {
				owner.jdbc.batchUpdate(INSERT_EVENT, lines);
				lines.clear();
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
			committing = true;
		}

		@Override
		public void afterCompletion(int status) {
			lines.clear();
		}

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
