package com.propdesk.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read in the current transaction, kept until it ends: the steps of one transaction (an intake runs a case's
 * first steps, each reading the case) read a row once instead of once each. What a transaction writes through the
 * same repository is forgotten when written, so a later read sees it, or kept as the table now holds it. Outside a transaction nothing is kept. A
 * transaction of its own (REQUIRES_NEW) keeps its own reads, since Spring gives it its own synchronizations; a
 * savepoint rolled back ({@code PROPAGATION_NESTED}) does not tell, so whoever rolls one back after writing through a
 * repository that keeps reads calls {@link #forgetAll()}.
 */
public final class TransactionReads {

	private TransactionReads() {
	}

	/** The row of {@code table} under {@code key}: read once per transaction, a missing row read again each time. */
	public static <T> Optional<T> read(String table, Object key, Supplier<Optional<T>> read) {
		Map<Object, Object> reads = reads(true);
		if (reads == null) {
			return read.get();
		}
		Row row = new Row(table, key);
		@SuppressWarnings("unchecked")
		T kept = (T) reads.get(row);
		if (kept != null) {
			return Optional.of(kept);
		}
		Optional<T> found = read.get();
		found.ifPresent(value -> reads.put(row, value));
		return found;
	}

	/**
	 * Keeps a row as the table now holds it — read another way (for update), or just written — so the next
	 * {@link #read} need not read it.
	 */
	public static <T> Optional<T> keep(String table, Object key, Optional<T> found) {
		Map<Object, Object> reads = reads(true);
		if (reads != null) {
			Row row = new Row(table, key);
			found.ifPresentOrElse(value -> reads.put(row, value), () -> reads.remove(row));
		}
		return found;
	}

	/** What this transaction keeps under {@code key}, without reading: empty when nothing is kept. */
	@SuppressWarnings("unchecked")
	public static <T> Optional<T> kept(String table, Object key) {
		Map<Object, Object> reads = reads(false);
		return reads == null ? Optional.empty() : Optional.ofNullable((T) reads.get(new Row(table, key)));
	}

	/** The row was written: the next read reads it. */
	public static void forget(String table, Object key) {
		Map<Object, Object> reads = reads(false);
		if (reads != null) {
			reads.remove(new Row(table, key));
		}
	}

	/** Everything this transaction kept (a savepoint was rolled back). */
	public static void forgetAll() {
		Map<Object, Object> reads = reads(false);
		if (reads != null) {
			reads.clear();
		}
	}

	private static Map<Object, Object> reads(boolean create) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Kept kept) {
				return kept.rows;
			}
		}
		if (!create) {
			return null;
		}
		Kept kept = new Kept();
		TransactionSynchronizationManager.registerSynchronization(kept);
		return kept.rows;
	}

	private record Row(String table, Object key) {
	}

	/** Lives as long as the transaction's synchronizations: dropped with them when it ends. */
	private static final class Kept implements TransactionSynchronization {

		final Map<Object, Object> rows = new HashMap<>();

		@Override
		public void afterCompletion(int status) {
			rows.clear();
		}

	}

}
