package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * How long the migration plan takes when the engine tries every running case (a rolled-back migration each), for
 * {@value #CASES} running repairs on the embedded H2, over HTTP. Not part of the test suite; run it with
 * {@code ./mvnw -B -q test -DskipAuditView=true -Dtest=MigrationPlanBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the median of {@value #RUNS} runs; on a shared machine compare by ratio, not milliseconds.
 */
@PropDeskTest
@AtDayShift
class MigrationPlanBenchmark {

	static final int CASES = 100;

	static final int RUNS = 5;

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	CaseService cases;

	@Test
	void planForAHundredRunningRepairs() throws Exception {
		TestVersions versions = new TestVersions(repositoryService);
		for (int i = 0; i < CASES; i++) {
			int building = 1 + i % 6;
			cases.open(Reports.repair(String.valueOf(building), building + "-" + ((1 + i % 18) * 100 + 1), "plumbing", "卫生间水龙头漏水"));
		}
		int v1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepairProcess.KEY).latestVersion().singleResult()
				.getVersion();
		versions.deploy("repair.bpmn", TestVersions.repairWithoutDeskClassification());
		try {
			ApiClient api = new ApiClient(port);
			String body = "{\"processKey\": \"repair\", \"fromVersion\": " + v1 + ", \"toVersion\": " + (v1 + 1) + "}";
			List<Long> runs = new ArrayList<>();
			for (int i = 0; i < RUNS; i++) {
				long begin = System.nanoTime();
				var answer = api.call("POST", "/api/manage/migrations/plan", body, "Authorization", basic("manager"));
				runs.add((System.nanoTime() - begin) / 1_000_000);
				assertThat(answer.body().get("movable").asInt()).isEqualTo(CASES);
			}
			List<Long> sorted = runs.stream().sorted().toList();
			System.out.printf("MigrationPlanBenchmark: plan for %d running repairs, median %d ms (first %d ms, runs %s)%n", CASES,
					sorted.get(RUNS / 2), runs.get(0), runs);
		}
		finally {
			versions.removeAll();
		}
	}

}
