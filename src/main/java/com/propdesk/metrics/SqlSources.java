package com.propdesk.metrics;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which part of PropDesk runs the SQL on this thread: {@value #HTTP} (a request, from before its first filter to
 * after its error page), {@value #JOB} (the job executor's workers), {@value #ACQUISITION} (its acquisition thread)
 * or {@value #OTHER}; null for a request to {@code /actuator/**}, whose SQL (the job gauges' counts among it) is not
 * counted, so that reading the counters does not move them.
 * <p>
 * A request is marked by a request listener rather than a filter: Tomcat calls it before any filter (the API's
 * authentication reads the identity tables), so no filter order decides what is counted. The job executor's threads
 * are told by their names, as the Camunda starter names them (read from the log {@link SqlStatementCounter} writes
 * for each thread it counts first): its task executor bean {@code camundaTaskExecutor} names its workers with that
 * prefix, and the engine names the acquisition thread after the job executor's class. An asynchronous request's
 * second dispatch runs outside the listener and counts as {@value #OTHER} (PropDesk has none).
 */
public final class SqlSources implements ServletRequestListener {

	public static final String HTTP = "http";

	public static final String JOB = "job";

	public static final String ACQUISITION = "acquisition";

	public static final String OTHER = "other";

	static final String JOB_WORKER_PREFIX = "camundaTaskExecutor-";

	static final String ACQUISITION_THREAD = "JobExecutor[org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor]";

	/** Marks a request thread: {@value #HTTP}, or {@link #NOT_COUNTED} for the actuator. */
	private static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

	private static final String NOT_COUNTED = "";

	/** The source of SQL run on this thread now; null when it is not counted. */
	public static String current() {
		String request = REQUEST.get();
		if (request != null) {
			return request.equals(NOT_COUNTED) ? null : request;
		}
		return ofThread(Thread.currentThread().getName());
	}

	static String ofThread(String name) {
		if (name.startsWith(JOB_WORKER_PREFIX)) {
			return JOB;
		}
		if (name.equals(ACQUISITION_THREAD)) {
			return ACQUISITION;
		}
		return OTHER;
	}

	@Override
	public void requestInitialized(ServletRequestEvent event) {
		REQUEST.set(event.getServletRequest() instanceof HttpServletRequest http && isActuator(http) ? NOT_COUNTED : HTTP);
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		REQUEST.remove();
	}

	static boolean isActuator(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/actuator") || path.startsWith("/actuator/");
	}

	/** Runs {@code work} as a request thread would run it, to the actuator or elsewhere (tests without a server). */
	static void asRequest(boolean actuator, Runnable work) {
		REQUEST.set(actuator ? NOT_COUNTED : HTTP);
		try {
			work.run();
		}
		finally {
			REQUEST.remove();
		}
	}

}
