package com.propdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.security.DeploymentGuard;
import com.propdesk.security.Groups;
import com.propdesk.system.CaseVariables;

/**
 * A clock started before the due jobs (Flyway {@code V20}) ran a {@code sla-clock} watcher instance of the diagram
 * then shipped, waiting at its gateway: after the upgrade PropDesk still pauses it, moves it and ends it.
 */
@PropDeskTest
class SlaClockUpgradeTests extends CaseProcessTest {

	@Autowired
	RepositoryService repositoryService;

	@Test
	void aClockStartedBeforeTheDueJobsKeepsItsWatcherWhichPausingResumingAndMeetingStillReach() throws Exception {
		String caseNo = cases.open(Reports.repair("1", "1-801", "plumbing", "水管滴水")).record().caseNo();
		String sla = SlaNames.REPAIR_RESOLUTION;
		SlaClock clock = slas.clock(caseNo, sla).orElseThrow();
		String deployment = deployLegacyWatcher();
		try {
			// the clock as it was before V20: no job of its own, a watcher waiting for its due time
			managementService.deleteJob(clock.dueJobId());
			jdbc.update("update sla_clock set due_job_id = null where case_no = ? and sla = ?", caseNo, sla);
			String legacy = repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
			ProcessInstance watcher = runtimeService.startProcessInstanceById(legacy, caseNo, Map.of(
					CaseVariables.CASE_NO.name(), caseNo, SlaClockProcess.SLA.name(), sla, SlaClockProcess.SLA_LABEL.name(),
					SlaNames.label(sla), SlaClockProcess.DUE_AT.name(), SlaClockProcess.DUE_AT.stored(clock.dueAt()),
					SlaClockProcess.ESCALATE_TO.name(), clock.escalateTo(), "escalateToLabel",
					Groups.label(clock.escalateTo()), "description", "水管滴水"));
			Job timer = managementService.createJobQuery().processInstanceId(watcher.getId()).timers().singleResult();
			assertThat(timer.getDuedate()).isEqualTo(Date.from(clock.dueAt().toInstant()));

			slas.pause(caseNo, sla, "等待配件");
			assertThat(job(timer).isSuspended()).isTrue();
			TestClock.advance(Duration.ofHours(1));
			slas.resume(caseNo, sla);
			assertThat(job(timer).isSuspended()).isFalse();
			assertThat(job(timer).getDuedate()).isEqualTo(Date.from(clock.dueAt().plusHours(1).toInstant()));
			assertThat(runtimeService.getVariable(watcher.getId(), SlaClockProcess.DUE_AT.name()))
					.isEqualTo(SlaClockProcess.DUE_AT.stored(clock.dueAt().plusHours(1)));

			slas.meet(caseNo, sla);

			assertThat(watcher).isEnded().hasPassed("Message_ClockEnded", "Event_ClockEnded");
			assertThat(slas.clock(caseNo, sla).orElseThrow().state()).isEqualTo(SlaClock.State.MET);
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

	private Job job(Job timer) {
		return managementService.createJobQuery().jobId(timer.getId()).singleResult();
	}

	/** The watcher diagram as shipped before V20, past the guard that lets only PropDesk deploy its processes. */
	private String deployLegacyWatcher() throws Exception {
		var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		DeploymentCache cache = configuration.getDeploymentCache();
		List<Deployer> deployers = configuration.getDeployers();
		cache.setDeployers(deployers.stream().filter(d -> !(d instanceof DeploymentGuard)).toList());
		try (InputStream diagram = getClass().getResourceAsStream("/legacy/sla-clock-watcher.bpmn")) {
			return repositoryService.createDeployment().name("sla-clock before V20")
					.addInputStream("sla-clock.bpmn", diagram).deploy().getId();
		}
		finally {
			cache.setDeployers(deployers);
		}
	}

}
