package com.propdesk.metrics;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the application's {@code DataSource} sends, by {@link SqlSources source}:
 * {@value #STATEMENTS} (each statement; a batch counts each of its statements) and {@value #ROUND_TRIPS} (each
 * execute call, a batch once, and each call of commit or rollback — also of a transaction that ran no statement,
 * where PostgreSQL's driver sends nothing). Not counted: what the pool does on its own connections (validation,
 * reset on return), {@code setAutoCommit}, and further fetches of a result set read in chunks (PropDesk sets no
 * fetch size). The counts are kept here from the first statement at start-up and read by the meters, so no
 * statement waits for the meter registry.
 */
public class SqlStatementCounter implements QueryExecutionListener, MethodExecutionListener, MeterBinder {

	static final String STATEMENTS = "propdesk.jdbc.statements";

	static final String ROUND_TRIPS = "propdesk.jdbc.round.trips";

	private static final Logger log = LoggerFactory.getLogger(SqlStatementCounter.class);

	private static final List<String> SOURCES = List.of(SqlSources.HTTP, SqlSources.JOB, SqlSources.ACQUISITION,
			SqlSources.OTHER);

	private final Map<String, LongAdder> statements = adders();

	private final Map<String, LongAdder> roundTrips = adders();

	private final Supplier<String> source;

	/** Threads whose names were logged, so the job executor's names can be read once in the log. */
	private final Set<String> threadsSeen = ConcurrentHashMap.newKeySet();

	public SqlStatementCounter() {
		this(SqlSources::current);
	}

	SqlStatementCounter(Supplier<String> source) {
		this.source = source;
	}

	private static Map<String, LongAdder> adders() {
		Map<String, LongAdder> adders = new ConcurrentHashMap<>();
		SOURCES.forEach(s -> adders.put(s, new LongAdder()));
		return adders;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		String from = sourceOfThisThread();
		if (from == null) {
			return;
		}
		int count = execution.isBatch() ? execution.getBatchSize() : 1;
		if (count == 0) {
			// an empty batch sends nothing
			return;
		}
		statements.get(from).add(count);
		roundTrips.get(from).increment();
	}

	@Override
	public void beforeMethod(MethodExecutionContext call) {
	}

	@Override
	public void afterMethod(MethodExecutionContext call) {
		if (!(call.getTarget() instanceof Connection)) {
			return;
		}
		String method = call.getMethod().getName();
		if (method.equals("commit") || method.equals("rollback")) {
			String from = sourceOfThisThread();
			if (from != null) {
				roundTrips.get(from).increment();
			}
		}
	}

	private String sourceOfThisThread() {
		String from = source.get();
		if (from != null && !from.equals(SqlSources.HTTP) && threadsSeen.add(Thread.currentThread().getName())) {
			log.info("SQL counted from thread '{}' as {}", Thread.currentThread().getName(), from);
		}
		return from;
	}

	long statements(String source) {
		return statements.get(source).sum();
	}

	long roundTrips(String source) {
		return roundTrips.get(source).sum();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String s : SOURCES) {
			FunctionCounter.builder(STATEMENTS, statements.get(s), LongAdder::doubleValue).tag("source", s)
					.description("SQL statements sent (a batch counts each of its statements)").register(registry);
			FunctionCounter.builder(ROUND_TRIPS, roundTrips.get(s), LongAdder::doubleValue).tag("source", s)
					.description("JDBC round trips: executes (a batch once), commits and rollbacks").register(registry);
		}
	}

}
