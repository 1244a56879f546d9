package com.propdesk.worklog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.system.Clock;

/**
 * The phone page {@code /worklog/} in Debian's Chromium at 390×844: the cleaner logs today's corridor cleaning with a
 * photo and the round turns done. The engine clock stays real: the phone's default time is the browser's now.
 */
@PropDeskTest
@TestInstance(Lifecycle.PER_CLASS)
class WorkLogPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DutyPlans plans;

	@Autowired
	RoundPlanner planner;

	@Autowired
	DutyRounds rounds;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
		if (chromium != null) {
			chromium.saveScreenshot("worklog-" + context.getRequiredTestMethod().getName());
		}
		throw failure;
	};

	@BeforeAll
	void startBrowser() throws IOException {
		chromium = Chromium.start((options, profile) -> options.setCapability("goog:loggingPrefs",
				Map.of(LogType.BROWSER, "ALL")));
		browser = chromium.browser();
		browser.manage().window().setSize(new Dimension(390, 844));
		wait = chromium.patiently();
	}

	@AfterAll
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
		Work.deleteRunningInstances(runtime);
		jdbc.update("update duty_plan set active = false");
	}

	@Test
	void theCleanerLogsTodaysCorridorCleaningWithAPhotoAndTheRoundTurnsDone() throws IOException {
		TestClock.reset();
		Work.deleteRunningInstances(runtime);
		jdbc.update("update duty_plan set active = false");
		DutyPlan plan = plans.create(new DutyPlans.Settings(Duty.CORRIDOR_CLEANING, "3", "各楼层楼道", "P1D", "PT20H",
				WorkLogApiTests.startedToday(java.time.Duration.ofMinutes(30)).withSecond(0), null, null), "manager");
		planner.plan();
		long roundId = jdbc.queryForObject("select min(id) from duty_round where plan_id = ?", Long.class, plan.id());
		Path photo = Files.createTempFile("corridor", ".png");
		Files.write(photo, WorkLogApiTests.PNG);

		// the browser is the class's: what an earlier test left in its console is not this test's
		browser.manage().logs().get(LogType.BROWSER);
		browser.get("http://localhost:" + port + "/worklog/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("cleaner");
		browser.findElement(By.id("login-password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();

		By round = By.cssSelector("li.round[data-round='" + roundId + "']");
		wait.until(ExpectedConditions.visibilityOfElementLocated(round));
		assertThat(browser.findElement(round).getText()).contains("楼道保洁", "3号楼", "待完成");
		assertThat(browser.findElement(By.id("rounds")).findElements(By.cssSelector("li.round")).get(0)
				.getDomAttribute("data-status")).as("due rounds first").isEqualTo("due");
		browser.findElement(round).findElement(By.cssSelector("button.record-round")).click();
		assertThat(browser.findElement(By.id("w-duty")).getDomProperty("value")).isEqualTo("corridor-cleaning");
		assertThat(browser.findElement(By.id("w-building")).getDomProperty("value")).isEqualTo("3");
		assertThat(browser.findElement(By.id("w-done-at")).getDomProperty("value")).isNotBlank();
		browser.findElement(By.id("w-notes")).sendKeys("1–18 层已拖地");
		browser.findElement(By.id("w-photos")).sendKeys(photo.toString());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#w-thumbs img[data-upload]")));
		assertThat(browser.findElement(By.tagName("body")).getSize().getWidth()).as("no sideways scrolling").isLessThanOrEqualTo(390);
		browser.findElement(By.id("w-submit")).click();

		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("w-done"))).getText()).contains("已记录", "本轮已完成");
		wait.until(ExpectedConditions.attributeToBe(round, "data-status", "done"));
		assertThat(browser.findElement(round).getText()).contains("已完成");
		DutyRound done = rounds.find(roundId).orElseThrow();
		assertThat(done.status()).isEqualTo(DutyRound.DONE);
		assertThat(jdbc.queryForObject("select recorded_by from work_log where id = ?", String.class, done.workLogId()))
				.isEqualTo("cleaner");
		assertThat(jdbc.queryForObject("select count(*) from work_log_photo where work_log_id = ?", Integer.class,
				done.workLogId())).isEqualTo(1);
		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).as("no script error or policy refusal")
				.noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
	}

	@Test
	void anAuditorIsToldThePageIsNotForThem() {
		browser.get("http://localhost:" + port + "/worklog/");
		browser.manage().deleteAllCookies();
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("auditor");
		browser.findElement(By.id("login-password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText())
				.contains("没有权限使用工作记录");
	}


}
