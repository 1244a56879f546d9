package com.propdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.CaseProcessTest;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;

/**
 * The clocks' targets come from the latest {@code sla-policy}: kept per version of the table, so a manager's new
 * version applies to the next clock that starts, and going back to the old table applies again.
 */
@PropDeskTest
class SlaPolicyTests extends CaseProcessTest {

	@Autowired
	RepositoryService repositoryService;

	private String dueAfterAReport(String unit) {
		String caseNo = cases.open(Reports.repair("1", unit, "door-access", "单元门禁刷卡没反应")).record().caseNo();
		return slas.clock(caseNo, "repair-resolution").orElseThrow().target();
	}

	private void deploy(String table) {
		repositoryService.createDeployment().name("sla-policy").addString("sla-policy.dmn", table).deploy();
	}

	@AfterEach
	void theShippedTableIsLatestAgain() throws Exception {
		deploy(Files.readString(Path.of("processes", "sla-policy.dmn")));
	}

	@Test
	void aNewVersionOfTheTableAppliesToTheNextClockAndTheOldOneAgainWhenItIsBack() throws Exception {
		TestClock.set(TestClock.DAY);
		String shipped = Files.readString(Path.of("processes", "sla-policy.dmn"));
		assertThat(dueAfterAReport("1-1401")).as("P3 repair resolution, shipped").isEqualTo("PT72H");
		assertThat(dueAfterAReport("1-1501")).as("the same answer the second time").isEqualTo("PT72H");

		deploy(shipped.replace("<outputEntry id=\"Rule_10_Target\"><text>\"PT72H\"</text>",
				"<outputEntry id=\"Rule_10_Target\"><text>\"PT48H\"</text>"));
		assertThat(dueAfterAReport("1-1601")).as("a manager's new version").isEqualTo("PT48H");

		deploy(shipped);
		assertThat(dueAfterAReport("1-1701")).as("the shipped table deployed again").isEqualTo("PT72H");
	}

}
