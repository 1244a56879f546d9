package com.propdesk.handover;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import com.propdesk.TestClock;

/** A shift change in a test: the engine clock moves there and the handover's start timer fires, as the job executor would. */
public final class ShiftChange {

	private ShiftChange() {
	}

	/** @return the handover the timer started (tests leave no other running) */
	public static ProcessInstance at(ProcessEngine engine, String when) {
		TestClock.set(OffsetDateTime.parse(when));
		String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(HandoverProcess.KEY)
				.latestVersion().singleResult().getId();
		String timer = engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definition)
				.activityIdIn(HandoverProcess.SHIFT_CHANGES).singleResult().getId();
		engine.getManagementService().executeJob(
				engine.getManagementService().createJobQuery().jobDefinitionId(timer).singleResult().getId());
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(HandoverProcess.KEY).singleResult();
	}

}
