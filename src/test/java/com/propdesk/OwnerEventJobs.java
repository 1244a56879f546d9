package com.propdesk;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.notify.CallbackDeliveries;
import com.propdesk.notify.OwnerEvents;

/** A case's owner-event callbacks, which wait as jobs of their own, run by hand as the job executor would. */
public final class OwnerEventJobs {

	private OwnerEventJobs() {
	}

	/** The callback jobs waiting for the case's events. */
	public static List<Job> callbacks(ManagementService jobs, JdbcTemplate jdbc, String caseNo) {
		List<String> events = jdbc.queryForList("select event_id from owner_event where case_no = ?", String.class, caseNo);
		return jobs.createJobQuery().processDefinitionKey(OwnerEvents.DELIVERY).list().stream()
				.filter(job -> CallbackDeliveries.TYPE.equals(((JobEntity) job).getJobHandlerType()))
				.filter(job -> events.contains(eventId(job))).toList();
	}

	/** The one callback job waiting for the case's events. */
	public static Job callback(ManagementService jobs, JdbcTemplate jdbc, String caseNo) {
		List<Job> waiting = callbacks(jobs, jdbc, caseNo);
		if (waiting.size() != 1) {
			throw new IllegalStateException(waiting.size() + " callback jobs wait for " + caseNo);
		}
		return waiting.get(0);
	}

	/** The event a callback job posts. */
	public static String eventId(Job job) {
		return ((JobEntity) job).getJobHandlerConfigurationRaw().split("\\|", 2)[1];
	}

	/**
	 * An {@code owner-event} instance for the case's first event, as PropDesk started one per event before callbacks
	 * became jobs: instances of that kind may still run, and the rules for internal processes hold for them.
	 */
	public static ProcessInstance legacyInstance(RuntimeService runtime, JdbcTemplate jdbc, String caseNo) {
		String eventId = jdbc.queryForObject("select event_id from owner_event where case_no = ? order by at limit 1",
				String.class, caseNo);
		return runtime.startProcessInstanceByKey(OwnerEvents.DELIVERY, caseNo, Map.of("eventId", eventId, "caseNo", caseNo));
	}

}
