package com.propdesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.propdesk.intake.CaseEvent;
import com.propdesk.intake.CaseEventRecorded;
import com.propdesk.system.Clock;

/**
 * An append-only, hash-chained record of every case event. Each entry's hash covers its own fields and
 * the previous entry's hash, so a changed, inserted or deleted row breaks the chain at that point,
 * and an export carrying the hashes can be verified away from PropDesk.
 */
@Repository
public class AuditTrail {

	public static final String GENESIS = "0".repeat(64);

	/** One entry of the trail, as stored and exported. */
	public record Entry(long seq, OffsetDateTime at, String caseNo, String kind, String actor, String detail,
			String prevHash, String hash) {

		/** What the hash covers: the fields in a fixed order, the time in UTC at millisecond precision. */
		String canonical() {
			return seq + "|" + FORMAT.format(at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)) + "|"
					+ caseNo + "|" + kind + "|" + (actor == null ? "" : actor) + "|" + detail + "|" + prevHash;
		}

	}

	/** Where the chain is broken, in words an auditor reads. */
	public record Break(long seq, String problem) {
	}

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong("seq"),
			Clock.local(rs.getObject("at", OffsetDateTime.class)), rs.getString("case_no"), rs.getString("kind"),
			rs.getString("actor"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	AuditTrail(JdbcTemplate jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/** Every line of a case's timeline, in the transaction that wrote it. */
	@EventListener
	void append(CaseEventRecorded recorded) {
		CaseEvent event = recorded.event();
		append(event.at(), recorded.caseNo(), event.kind(), event.actor(), event.message());
	}

	/**
	 * Appends an entry in the caller's transaction. Inside a transaction the entries wait until it is about
	 * to commit and are then chained in one go, so the head's row lock — which lines concurrent appends up —
	 * is held for the commit only, not for the whole of a task completion; outside one they are written at once, in
	 * a transaction of their own (the head's lock must last from reading it to writing the entry).
	 */
	public void append(OffsetDateTime at, String caseNo, String kind, String actor, String detail) {
		Pending entry = new Pending(at, caseNo, kind, actor, detail);
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			transaction.executeWithoutResult(status -> write(List.of(entry)));
			return;
		}
		@SuppressWarnings("unchecked")
		List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			List<Pending> buffer = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, buffer);
			TransactionSynchronizationManager.registerSynchronization(new Flush(buffer));
			pending = buffer;
		}
		pending.add(entry);
	}

	private record Pending(OffsetDateTime at, String caseNo, String kind, String actor, String detail) {
	}

	/** Writes a transaction's entries just before it commits; a suspended transaction keeps its own. */
	private final class Flush implements TransactionSynchronization {

		private final List<Pending> buffer;

		Flush(List<Pending> buffer) {
			this.buffer = buffer;
		}

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(AuditTrail.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(AuditTrail.this, buffer);
		}

		/** Last of a transaction's synchronizations: what another one records before the commit is chained too. */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write(buffer);
			buffer.clear();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
		}

	}

	/**
	 * Chains the entries after the head, which is locked by reading it ({@code for update}) until the transaction
	 * ends, and inserts them in one batch: one round trip for a task completion's entries, whatever their number.
	 */
	private void write(List<Pending> entries) {
		if (entries.isEmpty()) {
			return;
		}
		var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1 for update");
		long seq = ((Number) head.get("last_seq")).longValue();
		String previous = (String) head.get("last_hash");
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Pending p : entries) {
			seq++;
			Entry unsigned = new Entry(seq, p.at().truncatedTo(ChronoUnit.MILLIS), p.caseNo(), p.kind(), p.actor(), p.detail(),
					previous, null);
			String hash = hash(unsigned);
			rows.add(new Object[] { seq, unsigned.at(), p.caseNo(), p.kind(), p.actor(), p.detail(), previous, hash });
			previous = hash;
		}
		jdbc.batchUpdate("insert into audit_trail (seq, at, case_no, kind, actor, detail, prev_hash, hash) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
		jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, previous);
	}

	public List<Entry> entries() {
		return jdbc.query("select * from audit_trail order by seq", ENTRY);
	}

	/** The first place the stored chain is broken, or empty when it is whole. */
	public Optional<Break> verify() {
		var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
		return verify(entries(), ((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"));
	}

	/**
	 * Checks a chain — stored or exported — entry by entry: numbering without gaps, each entry pointing
	 * at the hash before it, each hash matching its entry, and the last entry matching the head.
	 */
	public static Optional<Break> verify(List<Entry> entries, long lastSeq, String lastHash) {
		String previous = GENESIS;
		long expected = 1;
		for (Entry entry : entries) {
			if (entry.seq() > expected) {
				return Optional.of(new Break(expected, "第 " + expected + " 条缺失（被删除）"));
			}
			if (entry.seq() < expected) {
				return Optional.of(new Break(entry.seq(), "第 " + entry.seq() + " 条重复或被插入"));
			}
			if (!entry.prevHash().equals(previous)) {
				return Optional.of(new Break(entry.seq(), "第 " + entry.seq() + " 条与前一条不衔接（前面有条目被插入或改动）"));
			}
			if (!hash(entry).equals(entry.hash())) {
				return Optional.of(new Break(entry.seq(), "第 " + entry.seq() + " 条内容被改动"));
			}
			previous = entry.hash();
			expected++;
		}
		if (expected - 1 > lastSeq) {
			return Optional.of(new Break(lastSeq + 1, "第 " + (lastSeq + 1) + " 条起是链外插入的"));
		}
		if (expected - 1 < lastSeq) {
			return Optional.of(new Break(expected, "第 " + expected + " 条起缺失（链尾被删除）"));
		}
		if (lastSeq > 0 && !previous.equals(lastHash)) {
			return Optional.of(new Break(lastSeq, "链尾与记录的链头不符"));
		}
		return Optional.empty();
	}

	static String hash(Entry entry) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(entry.canonical().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

}
