package com.propdesk;

import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's queries (its MyBatis statements' ids and parameters) that this thread runs while it records them: what
 * a test asserts the engine does or no longer asks the database. Recording costs nothing on other threads.
 */
public final class EngineStatements {

	/** One query: the statement's id (such as {@code selectAuthorizationByParameters}) and its parameter. */
	public record Query(String statement, Object parameter) {
	}

	private static final ThreadLocal<List<Query>> recording = new ThreadLocal<>();

	private EngineStatements() {
	}

	/** The queries the engine ran on this thread during {@code work}. */
	public static List<Query> during(ProcessEngine engine, Runnable work) {
		install(engine);
		recording.set(new ArrayList<>());
		try {
			work.run();
			return recording.get();
		}
		finally {
			recording.remove();
		}
	}

	/** Only the queries of one statement, by the end of its id. */
	public static List<Query> of(List<Query> queries, String statement) {
		return queries.stream().filter(q -> q.statement().endsWith("." + statement) || q.statement().equals(statement))
				.toList();
	}

	private static synchronized void install(ProcessEngine engine) {
		Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getSqlSessionFactory().getConfiguration();
		if (mybatis.getInterceptors().stream().noneMatch(Recorder.class::isInstance)) {
			mybatis.addInterceptor(new Recorder());
		}
	}

	@Intercepts(@Signature(type = Executor.class, method = "query",
			args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }))
	static class Recorder implements Interceptor {

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			List<Query> queries = recording.get();
			if (queries != null) {
				queries.add(new Query(((MappedStatement) invocation.getArgs()[0]).getId(), invocation.getArgs()[1]));
			}
			return invocation.proceed();
		}

	}

}
