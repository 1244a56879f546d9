package com.propdesk;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Jobs run by hand, as the job executor (off in tests) would run them. */
public final class Jobs {

	private Jobs() {
	}

	/** The job a process instance waits on; an instance that waits at one step at a time has one. */
	public static Job of(ManagementService jobs, String processInstanceId) {
		return jobs.createJobQuery().processInstanceId(processInstanceId).singleResult();
	}

	/**
	 * Runs the instance's job once its due time has come: the engine clock moves to the due date first.
	 * @return whether the job succeeded; a failure leaves it with one retry less (or an incident)
	 */
	public static boolean runWhenDue(ManagementService jobs, String processInstanceId) {
		return runWhenDue(jobs, of(jobs, processInstanceId));
	}

	/**
	 * Runs the job once its due time has come: the engine clock moves to the due date first.
	 * @return whether the job succeeded; a failure leaves it with one retry less (or an incident)
	 */
	public static boolean runWhenDue(ManagementService jobs, Job job) {
		if (job.getDuedate() != null) {
			TestClock.set(OffsetDateTime.ofInstant(job.getDuedate().toInstant(), ZoneId.systemDefault()));
		}
		try {
			jobs.executeJob(job.getId());
			return true;
		}
		catch (RuntimeException failed) {
			return false;
		}
	}

	/** Runs a batch to its end: its seed job, then each of its jobs, then its monitor job, which ends it. */
	public static void runBatch(ManagementService jobs, String batchId) {
		Batch batch = runBatchJobs(jobs, batchId);
		Job monitor = jobs.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).singleResult();
		jobs.executeJob(monitor.getId());
	}

	/** A batch's seed and work, without the monitor job that ends the batch at its next poll. */
	public static Batch runBatchJobs(ManagementService jobs, String batchId) {
		Batch batch = jobs.createBatchQuery().batchId(batchId).singleResult();
		Job seed = jobs.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult();
		jobs.executeJob(seed.getId());
		jobs.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list().forEach(job -> jobs.executeJob(job.getId()));
		return batch;
	}

}
