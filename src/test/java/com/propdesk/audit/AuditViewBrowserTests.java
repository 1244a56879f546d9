package com.propdesk.audit;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import com.propdesk.ApiClient;
import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.TestClock;
import com.propdesk.Work;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.Feedback;
import com.propdesk.repair.RepairProcess;

/**
 * The auditors' web view in Debian's Chromium: log in, find a closed repair, read its timeline and its
 * diagram with the path taken, and read the month's breach rates by department and shift — on two burst
 * pipes of a day no other test touches, one answered in 10 minutes by day, one in 40 minutes by night.
 */
@PropDeskTest
class AuditViewBrowserTests {

	static final OffsetDateTime DAY = OffsetDateTime.parse("2027-06-15T10:00:00+08:00");

	static final OffsetDateTime NIGHT = OffsetDateTime.parse("2027-06-15T22:00:00+08:00");

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private Chromium chromium;

	private Path downloads;

	private WebDriver browser;

	private WebDriverWait wait;

	// runs before @AfterEach closes the browser, so the page is still there to be photographed
	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
		saveScreenshot(context.getRequiredTestMethod().getName());
		throw failure;
	};

	@BeforeEach
	void setUp() throws IOException {
		chromium = Chromium.start((options, profile) -> {
			// the page's console: a Content-Security-Policy refusal or a script error shows there
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			try {
				downloads = Files.createDirectories(profile.resolve("downloads"));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
					"download.prompt_for_download", false));
		});
		browser = chromium.browser();
		wait = chromium.patiently();
	}

	@AfterEach
	void tearDown() throws IOException {
		try {
			if (chromium != null) {
				chromium.close();
			}
			Work.deleteRunningInstances(runtimeService);
		}
		finally {
			TestClock.reset();
		}
	}

	@Test
	void auditorFindsAClosedRepairReadsItsTimelineAndDiagramAndTheDaysBreachRates() {
		String closed = burstPipe(DAY, "2-1201", Duration.ofMinutes(10), true);
		burstPipe(NIGHT, "2-1202", Duration.ofMinutes(40), false);
		TestClock.reset();

		logIn("auditor");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
		assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("auditor（审计）");

		// search: building 2, intake on that day, closed cases only
		browser.findElement(By.id("f-building")).sendKeys("2");
		setValue(browser.findElement(By.id("f-from")), "2027-06-15");
		setValue(browser.findElement(By.id("f-to")), "2027-06-15");
		new Select(browser.findElement(By.id("f-status"))).selectByVisibleText("已办结");
		browser.findElement(By.id("search-submit")).click();
		wait.until(ExpectedConditions.textToBe(By.id("search-count"), "共 1 条"));
		WebElement row = browser.findElement(By.cssSelector("#search-table tbody tr"));
		assertThat(row.getText()).contains(closed, "报修", "已办结", "P1", "工程部", "2-1201", "给排水");
		browser.findElement(By.id("search-csv")).click();
		assertThat(downloaded("cases.csv")).hasSize(2).last().asString().startsWith(closed + ",repair,closed,P1,engineering,2,2-1201,");

		// the case: its timeline names the steps and who took them
		row.findElement(By.linkText(closed)).click();
		wait.until(ExpectedConditions.textToBe(By.id("case-title"), "事项 " + closed));
		String timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline"))).getText();
		assertThat(timeline).contains("报修流程 步骤完成 王师傅（engineer） 接单", "报修流程 步骤完成 王师傅（engineer） 上门维修",
				"报修流程 步骤完成 李客服（agent） 验收", "2027-06-15 10:10:00 事项记录 时限达标", "事项记录 办结",
				"事项记录 业主评价 业主（owner） 业主评价：5 分", "任务候选添加", "接单：工程部（engineering）",
				"变量变更", "维修结果（repairOutcome）: — → 已修好", "时限达标")
				.as("its clocks were met: no breach, so no 时限监控 instance").doesNotContain("时限监控");
		assertThat(browser.findElement(By.id("case-facts")).getText()).contains("已办结", "超时次数", "0");
		assertThat(browser.findElements(By.cssSelector("#timeline a.case-link"))).as("case numbers in the timeline are links")
				.isNotEmpty().allSatisfy(link -> assertThat(link.getDomAttribute("href")).isEqualTo("#/case/" + link.getText()));

		// the diagram, drawn by bpmn-js, with the path taken marked and the untaken branches not
		wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("diagram")), "data-rendered"));
		assertThat(taken("Task_AcceptJob")).isTrue();
		assertThat(taken("Task_Repair")).isTrue();
		assertThat(taken("Event_RepairClosed")).isTrue();
		assertThat(taken("Flow_ToAcceptJob")).isTrue();
		assertThat(taken("Flow_Accepted")).isTrue();
		assertThat(taken("Task_DeskClassification")).as("classified by the triage table, not by the desk").isFalse();
		assertThat(taken("Flow_Rejected")).isFalse();
		assertThat(browser.findElements(By.cssSelector("#diagram .djs-element.audit-active"))).as("nothing still open").isEmpty();
		WebElement acceptJob = browser.findElement(By.cssSelector(
				"#diagram .djs-element[data-element-id='Task_AcceptJob'] .djs-visual > rect"));
		assertThat(acceptJob.getCssValue("stroke")).as("drawn in the view's green, so its stylesheet is bundled")
				.isEqualTo("rgb(47, 125, 91)");
		assertThat(new Select(browser.findElement(By.id("diagram-picker"))).getOptions()).extracting(WebElement::getText)
				.anySatisfy(option -> assertThat(option).startsWith("报修").contains("已结束"))
				.noneSatisfy(option -> assertThat(option).as("owner notifications are jobs, not instances").contains("owner-event"))
				.noneSatisfy(option -> assertThat(option).as("its clocks were met: no breach").contains("sla-clock"));
		saveScreenshot("audit-case");

		// the SLA report of that day, by department and shift
		browser.findElement(By.id("nav-report")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
		setValue(browser.findElement(By.id("r-from")), "2027-06-15");
		setValue(browser.findElement(By.id("r-to")), "2027-06-15");
		assertThat(browser.findElement(By.id("r-group-department")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("r-group-shift")).isSelected()).isTrue();
		browser.findElement(By.id("report-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report-output h2"),
				"2027-06-15 至 2027-06-15"));
		assertThat(bar("chart-shift", "白班")).isEqualTo("0.0%（0/3）");
		assertThat(bar("chart-shift", "夜班")).isEqualTo("33.3%（1/3）");
		assertThat(bar("chart-department", "工程部")).isEqualTo("16.7%（1/6）");
		List<String> rows = browser.findElements(By.cssSelector("#report-table tbody tr")).stream().map(WebElement::getText)
				.toList();
		assertThat(rows).containsExactly("工程部 白班（08:00–20:00） 1 3 0 0.0% 10 10 60 60 —",
				"工程部 夜班（20:00–08:00） 1 3 1 33.3% 40 40 — — 维修响应 1");
		saveScreenshot("audit-report");
		browser.findElement(By.id("report-csv")).click();
		assertThat(downloaded("sla-2027-06-15-2027-06-15.csv")).containsExactly(
				"department,shift,cases,clocks,breached,breachRate,firstResponseMedianMinutes,firstResponseP90Minutes,"
						+ "resolutionMedianMinutes,resolutionP90Minutes,breachesBySla",
				"engineering,day,1,3,0,0.0,10,10,60,60,", "engineering,night,1,3,1,0.333,40,40,,,repair-response=1");

		// on a phone the page does not scroll sideways: wide tables scroll inside their own box
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
		saveScreenshot("audit-report-phone");

		assertThat(consoleErrors()).as("script errors or refused loads in the page's console").isEmpty();
	}

	@Test
	void namesCodesAsTheLabelsEndpointDoesWithEachTypesOwnCategories() throws Exception {
		String inquiry = cases.open(new CaseRequest("inquiry", "wechat", "wx-" + UUID.randomUUID(),
				new CaseRequest.Reporter("王女士", "13800000000"), null, null, "fees", "物业费怎么交", null)).record().caseNo();

		logIn("auditor");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));
		browser.get("http://localhost:" + port + "/audit/#/search?caseNo=" + inquiry);
		WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#search-table tbody tr[data-case='" + inquiry + "']")));
		assertThat(row.getText()).as("an inquiry's fees, not a complaint's").contains("咨询", "物业费").doesNotContain("收费");
		assertThat(new Select(browser.findElement(By.id("f-category"))).getOptions()).extracting(WebElement::getText)
				.contains("其他危及人身安全的情况", "物业费", "收费");

		ApiClient api = new ApiClient(port);
		JsonNode labels = api.call("GET", "/api/labels", null, "Authorization", basic("auditor")).body();
		String script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/audit/app.js")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
		assertThat(script).contains("/api/labels");
		for (String name : List.of(labels.at("/categories/repair/plumbing").asText(), labels.at("/statuses/closed").asText(),
				labels.at("/slas/repair-response").asText(), labels.at("/timelineKinds/located").asText())) {
			assertThat(script).as("the view keeps no copy of " + name).doesNotContain(name);
		}
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void anAgentIsRefusedByTheApiAndTheLoginSaysWhy() throws Exception {
		logIn("agent");

		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(error.getText()).startsWith("没有审计权限");
		assertThat(browser.findElements(By.id("search-form"))).isEmpty();
		assertThat((String) ((JavascriptExecutor) browser).executeScript(
				"return sessionStorage.getItem('propdesk.audit.basic');")).as("no credentials kept").isNull();
		ApiClient api = new ApiClient(port);
		for (String path : List.of("/api/audit/me", "/api/audit/cases", "/api/audit/reports/sla?from=2027-06-01&to=2027-07-01")) {
			assertThat(api.call("GET", path, null, "Authorization", basic("agent")).status()).as(path).isEqualTo(403);
		}
	}

	/** A burst pipe in building 2 at {@code at}, accepted after {@code acceptAfter}; by day worked to the end. */
	private String burstPipe(OffsetDateTime at, String unit, Duration acceptAfter, boolean workToTheEnd) {
		TestClock.set(at);
		String caseNo = cases.open(Reports.repair("2", unit, "plumbing", "水管爆裂")).record().caseNo();
		TestClock.advance(acceptAfter);
		Task accept = task(caseNo);
		Work.completeAs(identityService, taskService, accept.getAssignee(), accept, Map.of("eta", "马上"));
		if (workToTheEnd) {
			TestClock.advance(Duration.ofMinutes(30));
			Task repair = task(caseNo);
			Work.completeAs(identityService, taskService, repair.getAssignee(), repair,
					Map.of(RepairProcess.DIAGNOSIS.name(), "接头破裂", RepairProcess.REPAIR_OUTCOME.name(), RepairProcess.OUTCOME_DONE,
							RepairProcess.WORK_DONE.name(), "更换接头"));
			TestClock.advance(Duration.ofMinutes(20));
			Work.completeAs(identityService, taskService, "agent", task(caseNo), Map.of(RepairProcess.ACCEPTED.name(), true));
			cases.feedback(caseNo, new Feedback(5, null), "owner");
			Work.finishReturnVisitIfSampled(identityService, taskService, caseNo);
			assertThat(cases.find(caseNo).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		}
		return caseNo;
	}

	private Task task(String caseNo) {
		return taskService.createTaskQuery().processDefinitionKey("repair").processInstanceBusinessKey(caseNo).singleResult();
	}

	private void logIn(String user) {
		browser.get("http://localhost:" + port + "/audit/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
		browser.findElement(By.id("login-password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();
	}

	/** Date inputs take typed text in the browser's own date format; the value is set as the picker would. */
	private void setValue(WebElement input, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
	}

	/** The lines of a file the page handed to the browser as a download, once the browser has written it. */
	private List<String> downloaded(String name) {
		Path file = downloads.resolve(name);
		wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
		try {
			List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
			assertThat(lines.get(0)).as("a byte-order mark for Excel").startsWith("\uFEFF");
			lines.set(0, lines.get(0).substring(1));
			return lines;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private boolean taken(String elementId) {
		WebElement element = browser.findElement(By.cssSelector("#diagram .djs-element[data-element-id='" + elementId + "']"));
		return element.getDomAttribute("class").contains("audit-taken");
	}

	private String bar(String chart, String labelStart) {
		return browser.findElement(By.xpath("//div[@id='" + chart + "']//*[local-name()='g'][starts-with(@data-label,'"
				+ labelStart + "')]/*[local-name()='text'][contains(@class,'bar-value')]")).getText();
	}

	private List<String> consoleErrors() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
	}

	private void saveScreenshot(String name) {
		if (chromium != null) {
			chromium.saveScreenshot(name);
		}
	}

}
