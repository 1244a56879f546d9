package com.propdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;

/** The owner's page {@code /track/{caseNo}?token=…} on a phone-sized Chromium window: rate, see who comes, urge. */
@PropDeskTest
@AtDayShift
class TrackingPageBrowserTests {

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	private WebDriver browser;

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = Chromium.start();
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void phone() {
		browser = chromium.browser();
		browser.manage().window().setSize(new Dimension(390, 844));
	}

	private JsonNode openRepair() throws Exception {
		return new ApiClient(port).call("POST", "/api/cases", Reports.repairJson("wx-" + UUID.randomUUID()), "X-Api-Key", "demo")
				.body();
	}

	private void step(String caseNo, Map<String, Object> variables) {
		var task = taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo).singleResult();
		taskService.complete(task.getId(), variables);
	}

	private void visit(JsonNode receipt) {
		browser.get("http://localhost:" + port + "/track/" + receipt.get("caseNo").asText() + "?token="
				+ receipt.get("trackingToken").asText());
	}

	private WebElement shown(String id) {
		return chromium.patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	@Test
	void ownerRatesTheFinishedRepairFromAPhoneAndTheCaseCloses() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		step(caseNo, Map.of("eta", Date.from(TestClock.DAY.plusMinutes(30).toInstant())));
		step(caseNo, Map.of("diagnosis", "接头破裂", "repairOutcome", "done", "workDone", "更换接头"));
		step(caseNo, Map.of("accepted", true));

		visit(receipt);
		WebElement form = shown("rate");
		assertThat(shown("status").getText()).isEqualTo("待评价");
		// sent without a score (a browser without form checks): the form comes back with what the owner wrote
		((JavascriptExecutor) browser).executeScript(
				"document.querySelectorAll('#rate [required]').forEach(e => e.removeAttribute('required'))");
		form.findElement(By.name("comment")).sendKeys("先写的意见");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(shown("notice").getText()).isEqualTo("请先选择评分（1 到 5 星）");
		form = shown("rate");
		assertThat(form.findElement(By.name("comment")).getAttribute("value")).isEqualTo("先写的意见");
		form.findElement(By.name("comment")).clear();
		// the control fits the phone: nothing to scroll sideways
		assertThat(form.getRect().getX() + form.getRect().getWidth()).isLessThanOrEqualTo(390);
		form.findElement(By.cssSelector("input[name=score][value='4']")).click();
		form.findElement(By.name("comment")).sendKeys("师傅很准时");
		form.findElement(By.cssSelector("button[type=submit]")).click();

		chromium.patiently().until(ExpectedConditions.textToBe(By.id("status"), "已办结"));
		assertThat(shown("rated").getText()).isEqualTo("感谢您的评价。您的评价：4 分，师傅很准时");
		assertThat(browser.findElements(By.id("rate"))).isEmpty();
		assertThat(browser.findElements(By.id("urge"))).isEmpty();
		assertThat(jdbc.queryForObject("select status from case_record where case_no = ?", String.class, caseNo))
				.isEqualTo("closed");
		assertThat(jdbc.queryForList("select message from case_event where case_no = ? and kind = 'feedback'", String.class,
				caseNo)).containsExactly("业主评价：4 分，师傅很准时");
	}

	@Test
	void theDispatchedJobShowsTheTechnicianAndArrivalAndTheOwnerUrgesOnce() throws Exception {
		JsonNode receipt = openRepair();
		String caseNo = receipt.get("caseNo").asText();
		step(caseNo, Map.of("eta", Date.from(TestClock.DAY.plusMinutes(30).toInstant())));

		visit(receipt);
		assertThat(shown("technician").getText()).isEqualTo("维修师傅：王师傅");
		assertThat(shown("eta").getText()).isEqualTo("预计到达：11月27日 10:30");
		assertThat(shown("hotline").getAttribute("href")).isEqualTo("tel:057188886600");
		assertThat(browser.findElements(By.id("rate"))).isEmpty();

		shown("urge").findElement(By.tagName("button")).click();
		WebElement next = shown("next-urge");
		assertThat(next.getText()).isEqualTo("已催办，11月27日 11:00 后可再次催办");
		assertThat(browser.findElement(By.cssSelector("#urge button")).isEnabled()).isFalse();
		assertThat(browser.findElement(By.cssSelector("ol.timeline li")).getText()).as("newest first, as the API tells the owner")
				.endsWith("业主催办");
		List<String> pages = jdbc.queryForList("select recipient from notification where case_no = ? and event_id like 'urge-%'",
				String.class, caseNo);
		assertThat(pages).containsExactly("engineer");

		TestClock.advance(Duration.ofMinutes(61));
		visit(receipt);
		assertThat(shown("urge").findElement(By.tagName("button")).isEnabled()).isTrue();
		assertThat(browser.findElements(By.id("next-urge"))).isEmpty();
	}

}
