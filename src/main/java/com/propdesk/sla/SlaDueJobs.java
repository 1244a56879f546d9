package com.propdesk.sla;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.propdesk.system.PropDeskJobHandler;


/**
 * The timer job each running SLA clock waits on: one row in the engine's job table, due at the clock's due time
 * (the {@code dueAt} the API shows), acquired, retried and locked by the job executor like any timer — on one node or
 * several. It costs a clock a few statements (the job, its lines in the job log, the definition looked up); a
 * watcher process per clock cost it about seventy (instance, variables, their history, its gateway's
 * subscriptions). Only a clock still open when its job fires starts a {@code sla-clock} instance, which records the
 * breach and asks for the escalation.
 */
@Component
class SlaDueJobs extends PropDeskJobHandler<SlaDueJobs.Due> {

	/** The job handler type in {@code ACT_RU_JOB.HANDLER_TYPE_}. */
	static final String TYPE = "propdesk-sla-due";

	/** Which clock a job is for, as the job's handler configuration {@code caseNo/sla}. */
	record Due(String caseNo, String sla) implements JobHandlerConfiguration {

		@Override
		public String toCanonicalString() {
			return caseNo + "/" + sla;
		}

		static Due parse(String canonical) {
			int slash = canonical.lastIndexOf('/');
			return new Due(canonical.substring(0, slash), canonical.substring(slash + 1));
		}

	}

	private final ObjectProvider<SlaService> slas;


	SlaDueJobs(ObjectProvider<SlaService> slas) {
		super(TYPE);
		this.slas = slas;
	}



	@Override
	public void execute(Due due, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		slas.getObject().due(due.caseNo(), due.sla());
	}

	@Override
	public Due newConfiguration(String canonical) {
		return Due.parse(canonical);
	}


	/** Schedules the clock's job in the caller's transaction. @return the job's id */
	String schedule(String caseNo, String sla, OffsetDateTime due) {
		return engine().getCommandExecutorTxRequired().execute(context -> {
			// the job belongs to sla-clock: Cockpit lists it there, and nobody but the engine moves or fires it
			TimerEntity timer = listedUnder(SlaService.WATCHER, new TimerEntity(), new Due(caseNo, sla), context);
			timer.setDuedate(Date.from(due.toInstant()));
			context.getJobManager().schedule(timer);
			return timer.getId();
		});
	}

	/**
	 * Moves or suspends the job as one entity update (the public suspend and activate calls are bulk statements that
	 * clash with a due-date change of the same job in the same transaction). Nothing when the job is gone: it fired.
	 */
	void update(String jobId, Date due, SuspensionState state) {
		engine().getCommandExecutorTxRequired().execute(context -> {
			JobEntity job = context.getJobManager().findJobById(jobId);
			if (job != null) {
				if (due != null) {
					job.setDuedate(due);
				}
				job.setSuspensionState(state.getStateCode());
			}
			return null;
		});
	}

	/** Deletes the job: the clock ended before it was due. Nothing when it is gone: it fired. */
	void cancel(String jobId) {
		engine().getCommandExecutorTxRequired().execute(context -> {
			JobEntity job = context.getJobManager().findJobById(jobId);
			if (job != null) {
				job.delete();
			}
			return null;
		});
	}

}
