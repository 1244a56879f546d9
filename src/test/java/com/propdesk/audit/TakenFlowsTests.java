package com.propdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricActivityInstanceEntity;
import org.junit.jupiter.api.Test;

/** How the flows taken are told from activity history, where the engine's history has no flows. */
class TakenFlowsTests {

	private static final List<CaseDiagrams.Flow> PARALLEL = List.of(new CaseDiagrams.Flow("Flow_ToCall", "Fork", "Call"),
			new CaseDiagrams.Flow("Flow_ToBroadcast", "Fork", "Broadcast"), new CaseDiagrams.Flow("Flow_CallDone", "Call", "Join"),
			new CaseDiagrams.Flow("Flow_BroadcastDone", "Broadcast", "Join"), new CaseDiagrams.Flow("Flow_ToEnd", "Join", "End"));

	private static HistoricActivityInstance step(String id, String activity, String execution, long start, long end) {
		HistoricActivityInstanceEntity step = new HistoricActivityInstanceEntity();
		step.setId(id);
		step.setActivityId(activity);
		step.setExecutionId(execution);
		step.setStartTime(new Date(start));
		step.setEndTime(new Date(end));
		return step;
	}

	@Test
	void twoBranchesReachingAParallelJoinInTheSameMillisecondAreBothTaken() {
		// one transaction: every step at the same millisecond, in the order the engine started them
		List<HistoricActivityInstance> steps = List.of(step("1", "Fork", "root", 0, 0), step("2", "Call", "a", 0, 0),
				step("3", "Broadcast", "b", 0, 0), step("4", "Join", "a", 0, 0), step("5", "Join", "b", 0, 0),
				step("6", "End", "root", 0, 0));

		assertThat(CaseDiagrams.takenFlows(PARALLEL, steps)).containsExactlyInAnyOrder("Flow_ToCall", "Flow_ToBroadcast",
				"Flow_CallDone", "Flow_BroadcastDone", "Flow_ToEnd");
	}

	@Test
	void aBranchThatDidNotRunIsNotTaken() {
		List<HistoricActivityInstance> steps = List.of(step("1", "Fork", "root", 0, 10), step("2", "Call", "a", 10, 20),
				step("3", "Join", "a", 20, 20));

		assertThat(CaseDiagrams.takenFlows(PARALLEL, steps)).containsExactly("Flow_ToCall", "Flow_CallDone");
	}

}
