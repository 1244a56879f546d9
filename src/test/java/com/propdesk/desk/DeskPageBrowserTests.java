package com.propdesk.desk;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.Chromium;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;

/**
 * The service desk's console {@code /desk/} in Debian's Chromium, one browser for the class: an agent takes a call
 * from the elderly owner of 6-1401 (phone 13800061401), finds them by the last four digits, sees their earlier
 * complaint and opens a repair; works a case on the phone (call record, urge, contact correction); a department user
 * and an auditor are refused; a missing description is shown beside its field and opens nothing.
 */
@PropDeskTest
@AtDayShift
@TestInstance(Lifecycle.PER_CLASS)
class DeskPageBrowserTests {

	static final String UNIT = "6-1401";

	static final String PHONE = "13800061401";

	@Autowired
	RuntimeService runtimeService;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private ApiClient api;

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	// runs before the browser closes, so the page is still there to be photographed
	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = (context, failure) -> {
		if (chromium != null) {
			chromium.saveScreenshot("desk-" + context.getRequiredTestMethod().getName());
		}
		throw failure;
	};

	@BeforeAll
	void startBrowser() throws IOException {
		// the page's console: a Content-Security-Policy refusal or a script error shows there
		chromium = Chromium.start((options, profile) -> options.setCapability("goog:loggingPrefs",
				Map.of(LogType.BROWSER, "ALL")));
		browser = chromium.browser();
		wait = chromium.patiently();
	}

	@AfterAll
	void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		// the browser is the class's: what an earlier test left in its console is not this test's
		browser.manage().logs().get(LogType.BROWSER);
	}

	@Test
	void anAgentFindsTheCallerByTheLastFourDigitsSeesTheEarlierComplaintAndOpensARepair() throws Exception {
		TestClock.set(TestClock.DAY.minusDays(20));
		String complaint = open("complaint", null, "楼上装修噪音，晚上十点后还在施工");
		TestClock.set(TestClock.DAY);

		logIn("agent");
		assertThat(browser.findElement(By.id("who")).getText()).contains("客服");
		assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the search box has the focus").isEqualTo("q");
		search("1401");
		WebElement resident = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#callers-table tr[data-unit='" + UNIT + "']")));
		assertThat(resident.getText()).contains("*******1401", "独居老人").doesNotContain(PHONE);
		assertThat(browser.findElement(By.cssSelector("#cases-table tr[data-case='" + complaint + "']")).getText())
				.contains("投诉", "已受理", UNIT);
		chromium.saveScreenshot("desk-search");

		resident.findElement(By.cssSelector("a.caller-link")).click();
		wait.until(ExpectedConditions.textToBe(By.id("caller-title"), "住户 " + UNIT));
		assertThat(browser.findElement(By.cssSelector("#household tr.special")).getText()).contains("独居老人");
		WebElement earlier = browser.findElement(By.cssSelector("#recent-cases tr[data-case='" + complaint + "']"));
		assertThat(earlier.getDomAttribute("class")).contains("complaint");
		assertThat(earlier.findElement(By.cssSelector(".badge.complaint")).getText()).isEqualTo("投诉");
		assertThat(browser.findElement(By.cssSelector("#open-cases tr[data-case='" + complaint + "']")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("last-return-visit")).getText()).isEqualTo("无回访记录");
		chromium.saveScreenshot("desk-caller-card");

		browser.findElement(By.id("new-for-unit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("n-member"), "业主"));
		assertThat(new Select(browser.findElement(By.id("n-type"))).getFirstSelectedOption().getText()).isEqualTo("报修");
		assertThat(new Select(browser.findElement(By.id("n-building"))).getFirstSelectedOption().getDomAttribute("value"))
				.isEqualTo("6");
		assertThat(new Select(browser.findElement(By.id("n-unit"))).getFirstSelectedOption().getText()).isEqualTo(UNIT);
		new Select(browser.findElement(By.id("n-category"))).selectByVisibleText("给排水");
		new Select(browser.findElement(By.id("n-member"))).selectByIndex(1);
		assertThat(browser.findElement(By.id("n-phone")).getDomProperty("value")).isEqualTo(PHONE);
		browser.findElement(By.id("n-description")).sendKeys("卫生间水管漏水，地面积水");
		chromium.saveScreenshot("desk-new-case");
		browser.findElement(By.id("new-submit")).click();

		String caseNo = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-case-no"))).getText();
		assertThat(caseNo).matches("R-\\d{8}-\\d{4,}");
		JsonNode opened = api.call("GET", "/api/cases/" + caseNo, null, "Authorization", basic("agent")).body();
		assertThat(opened.get("unit").asText()).isEqualTo(UNIT);
		assertThat(opened.get("channel").asText()).isEqualTo("phone");
		assertThat(opened.get("category").asText()).isEqualTo("plumbing");
		String due = opened.get("dueAt").asText();
		assertThat(browser.findElement(By.id("receipt-due")).getText()).as("the promised time, to the minute")
				.isEqualTo(due.substring(0, 10) + " " + due.substring(11, 16));
		assertThat(browser.findElement(By.id("receipt-link")).getText()).contains("/track/" + caseNo, "token=");
		chromium.saveScreenshot("desk-receipt");

		browser.findElement(By.id("sms-button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sms-result"), "已于"));
		browser.findElement(By.id("receipt-case-link")).click();
		wait.until(ExpectedConditions.textToBe(By.id("case-title"), "事项 " + caseNo));
		assertThat(consoleErrors()).as("script errors or refused loads in the page's console").isEmpty();
	}

	@Test
	void onTheCasePageTheAgentRecordsACallUrgesTheTechnicianAndCorrectsTheContact() throws Exception {
		String caseNo = open("repair", "plumbing", "厨房水管漏水");
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		String holder = task.getAssignee() != null ? task.getAssignee()
				: taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
						.findFirst().orElseThrow().getGroupId();

		logIn("agent");
		search(caseNo.toLowerCase());
		wait.until(ExpectedConditions.textToBe(By.id("case-title"), "事项 " + caseNo));
		assertThat(browser.getCurrentUrl()).as("one case found by its number opens at once").endsWith("#/case/" + caseNo);
		assertThat(browser.findElement(By.id("case-facts")).getText()).contains("处理中", "报修", "给排水", UNIT, "上门师傅");
		assertThat(browser.findElement(By.id("tasks")).getText()).contains(task.getName(), "起");
		assertThat(browser.findElement(By.id("clocks")).getText()).contains("计时中");

		browser.findElement(By.id("call-caller")).sendKeys("业主本人");
		browser.findElement(By.id("call-summary")).sendKeys("问师傅几点能到");
		// a double click, as a hurried clerk gives: one call recorded, one urge sent
		new Actions(browser).doubleClick(browser.findElement(By.id("call-submit"))).perform();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-result")));
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("问师傅几点能到");
		assertThat(jdbc.queryForObject("select count(*) from case_event where case_no = ? and kind = 'call'", Integer.class,
				caseNo)).isOne();

		browser.findElement(By.id("urge-note")).sendKeys("业主说水还在漏");
		new Actions(browser).doubleClick(browser.findElement(By.id("urge-submit"))).perform();
		String urged = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-result"))).getText();
		// the holder by name (刘师傅), never by user id
		assertThat(urged).contains("已催办", "第 1 次", "师傅").doesNotContain(holder);
		assertThat(jdbc.queryForList("select text from notification where case_no = ? and kind = 'PAGE' and recipient = ? "
				+ "and event_id like 'urge-%'", String.class, caseNo, holder)).as("the task's holder is paged")
				.singleElement().asString().contains("催办", caseNo, "业主说水还在漏");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("催办：业主说水还在漏");

		browser.findElement(By.id("reporter-edit")).click();
		WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("r-phone")));
		phone.clear();
		phone.sendKeys("13912345678");
		browser.findElement(By.id("reporter-save")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reporter-result")));
		assertThat(browser.findElement(By.id("reporter-shown")).getText()).contains("13912345678");
		assertThat(jdbc.queryForList("select kind from case_event where case_no = ? and kind in ('call', 'urged')",
				String.class, caseNo)).as("the double clicks above, long answered by now").containsExactly("call", "urged");

		browser.findElement(By.id("sms-button")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sms-notice"))).getText())
				.as("the page drawn again, the answer on top").contains("跟踪链接短信已于");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("发送跟踪链接");
		JsonNode desk = api.call("GET", "/api/desk/cases/" + caseNo, null, "Authorization", basic("agent")).body();
		assertThat(desk.at("/reporter/phone").asText()).isEqualTo("13912345678");
		chromium.saveScreenshot("desk-case");
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void aDepartmentUserAndAnAuditorAreRefusedAndSeeNoCaseData() throws Exception {
		String caseNo = open("repair", "plumbing", "阳台地漏堵塞");
		for (String user : List.of("engineer", "auditor")) {
			logIn(user);
			WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
			assertThat(error.getText()).as(user).startsWith("没有权限使用客服台");
			assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
			assertThat((String) ((JavascriptExecutor) browser).executeScript(
					"return sessionStorage.getItem('propdesk.desk.basic');")).as("no credentials kept").isNull();

			browser.get("http://localhost:" + port + "/desk/#/case/" + caseNo);
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
			assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(caseNo, "阳台地漏堵塞");

			for (String path : List.of("/api/desk/me", "/api/desk/search?q=1401", "/api/desk/callers/" + UNIT,
					"/api/desk/cases/" + caseNo)) {
				assertThat(api.call("GET", path, null, "Authorization", basic(user)).status()).as(user + " " + path)
						.isEqualTo(403);
			}
		}
	}

	@Test
	void aMissingDescriptionIsShownBesideItsFieldAndOpensNothing() {
		logIn("agent");
		browser.get("http://localhost:" + port + "/desk/#/new?unit=" + UNIT);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("n-member"), "业主"));
		new Select(browser.findElement(By.id("n-category"))).selectByVisibleText("给排水");
		new Select(browser.findElement(By.id("n-member"))).selectByIndex(1);
		Long before = jdbc.queryForObject("select count(*) from case_record", Long.class);

		browser.findElement(By.id("new-submit")).click();

		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-description")));
		assertThat(error.getText()).isEqualTo("必填：请描述情况");
		assertThat(browser.findElement(By.id("err-reporter-name")).isDisplayed()).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isEqualTo(before);
		assertThat(browser.findElements(By.id("receipt"))).isEmpty();
	}

	@Test
	void aComplaintTakesDownTheDemandAndWhomItIsAboutAndTheCategoryErrorNamesNoCodes() {
		logIn("agent");
		browser.get("http://localhost:" + port + "/desk/#/new?unit=" + UNIT);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("n-member"), "业主"));
		assertThat(browser.findElement(By.id("n-demand")).isDisplayed()).as("a repair has no demand").isFalse();
		new Select(browser.findElement(By.id("n-member"))).selectByIndex(1);
		browser.findElement(By.id("n-description")).sendKeys("楼上装修噪音，晚上十点还在施工");
		browser.findElement(By.id("new-submit")).click();
		// a repair needs a category; the API lists the codes for channel systems, the picker just asks for one
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-category"))).getText())
				.isEqualTo("请选择一项");

		new Select(browser.findElement(By.id("n-type"))).selectByVisibleText("投诉");
		new Select(browser.findElement(By.id("n-category"))).selectByIndex(1);
		browser.findElement(By.id("n-demand")).sendKeys("晚上停止施工");
		browser.findElement(By.id("n-subject")).sendKeys("楼上住户装修队");
		browser.findElement(By.id("new-submit")).click();

		String caseNo = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-case-no"))).getText();
		assertThat(caseNo).startsWith("C-");
		var process = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint").processInstanceBusinessKey(caseNo)
				.singleResult();
		assertThat(runtimeService.getVariable(process.getId(), "demand")).isEqualTo("晚上停止施工");
		assertThat(runtimeService.getVariable(process.getId(), "subject")).isEqualTo("楼上住户装修队");
	}

	@Test
	void aNeighbourDisputeNamesTheOtherPartysUnitAndOpensAMediationWhosePageUploadsEvidence() throws IOException {
		logIn("agent");
		browser.get("http://localhost:" + port + "/desk/#/new?unit=" + UNIT);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("n-member"), "业主"));
		assertThat(browser.findElement(By.id("n-other-units")).isDisplayed()).as("a repair has no other party").isFalse();
		new Select(browser.findElement(By.id("n-type"))).selectByVisibleText("邻里纠纷调解");
		new Select(browser.findElement(By.id("n-member"))).selectByIndex(1);
		browser.findElement(By.id("n-description")).sendKeys("楼上每晚十一点后跑跳，希望物业调解");
		browser.findElement(By.id("new-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-otherUnits"))).getText()).startsWith("必填：对方的房号");

		browser.findElement(By.id("n-other-units")).sendKeys("6-1501");
		browser.findElement(By.id("new-submit")).click();

		String caseNo = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-case-no"))).getText();
		assertThat(caseNo).startsWith("M-");
		var process = runtimeService.createProcessInstanceQuery().processDefinitionKey("mediation").processInstanceBusinessKey(caseNo)
				.singleResult();
		assertThat(runtimeService.getVariable(process.getId(), "otherUnits")).isEqualTo("6-1501");

		// its page uploads the evidence the 取证 form takes by number: a PDF report, never a text file
		goTo("#/case/" + caseNo);
		java.nio.file.Path text = java.nio.file.Files.createTempFile("录音", ".pdf");
		java.nio.file.Files.writeString(text, "不是 PDF");
		java.nio.file.Path report = java.nio.file.Files.createTempFile("分贝测量", ".pdf");
		java.nio.file.Files.write(report, "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence-file"))).sendKeys(text.toString());
		browser.findElement(By.id("evidence-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("err-file"))).getText()).contains("PDF");
		browser.findElement(By.id("evidence-file")).sendKeys(report.toString());
		browser.findElement(By.id("evidence-submit")).click();
		String id = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#evidence-uploaded .evidence-id code"))).getText();
		assertThat(jdbc.queryForObject("select purpose from upload where id = ?", String.class, id)).isEqualTo("evidence");
		assertThat(browser.findElement(By.id("err-file")).isDisplayed()).isFalse();
	}

	@Test
	void aFailedOrEmptySearchOrAMissingCaseReplacesTheScreenAndTheBoxHoldsOnlyTheSearchShown() {
		logIn("agent");
		search("1401");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#callers-table tr[data-unit='" + UNIT + "']")));

		goTo("#/case/R-20991231-0001");
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-error")));
		assertThat(error.getText()).contains("R-20991231-0001");
		assertThat(browser.findElement(By.id("main")).getText()).as("the error alone, not the old results under it")
				.isEqualTo(error.getText());
		assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEmpty();

		goTo("#/search?q=" + "1".repeat(65) + "&page=1");
		error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-error")));
		assertThat(error.getText()).as("the field by its Chinese name").startsWith("搜索内容：").doesNotContain("q：");
		assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("正在搜索", "正在加载");

		search("1401");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callers-table")));
		search("");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-empty"))).getText())
				.isEqualTo("请输入要找的内容（电话后 4 位、房号、姓名或事项编号）");
		assertThat(browser.findElements(By.id("callers-table"))).as("the old results are gone").isEmpty();

		search("1401");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#callers-table tr[data-unit='" + UNIT + "'] a.caller-link"))).click();
		wait.until(ExpectedConditions.textToBe(By.id("caller-title"), "住户 " + UNIT));
		assertThat(browser.findElement(By.id("q")).getDomProperty("value")).as("the box leaves with the results").isEmpty();
		browser.findElement(By.id("new-for-unit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-form")));
		assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEmpty();
		assertThat(consoleErrors()).as("the refused calls above, and no script error")
				.allMatch(entry -> entry.contains("Failed to load resource"));
	}

	@Test
	void theCasePageNamesWhoDidWhatAndWritesNoNull() throws Exception {
		JsonNode receipt = openCase("repair", "plumbing", "客厅灯不亮");
		String caseNo = receipt.get("caseNo").asText();
		assertThat(api.call("POST", "/api/cases/" + caseNo + "/urge", null, "X-Tracking-Token",
				receipt.get("trackingToken").asText()).status()).isEqualTo(200);

		logIn("agent");
		goTo("#/case/" + caseNo);
		wait.until(ExpectedConditions.textToBe(By.id("case-title"), "事项 " + caseNo));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "业主催办"));
		List<String> actors = browser.findElements(By.cssSelector("#timeline td.actor")).stream().map(WebElement::getText)
				.toList();
		assertThat(actors).contains("业主").doesNotContain("owner", "system")
				.noneMatch(actor -> actor.startsWith("channel:"));
		assertThat((List<?>) ((JavascriptExecutor) browser).executeScript("return [...document.getElementById('main')"
				+ ".childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent);"))
				.as("no stray text (\"null\") between the page's parts").isEmpty();
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void theReceiptOfAMajorComplaintPromisesNoTimeItDoesNotHave() throws Exception {
		String caseNo = open("complaint", "attitude", "保安态度恶劣，我已经联系了电视台记者");

		logIn("agent");
		goTo("#/created/" + caseNo);
		WebElement due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-due")));
		assertThat(due.getText()).isEqualTo("暂无计时中的服务时限");
	}

	@Test
	void theHeaderNamesTheGroupsInChinese() {
		User user = identityService.newUser("desk-admin-" + UUID.randomUUID().toString().substring(0, 8));
		user.setFirstName("测试");
		user.setLastName("管理员");
		user.setPassword("demo");
		((org.camunda.bpm.engine.impl.IdentityServiceImpl) identityService).saveUser(user, true);
		try {
			identityService.createMembership(user.getId(), "management");
			identityService.createMembership(user.getId(), "camunda-admin");
			logIn(user.getId());
			WebElement who = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
			wait.until(ExpectedConditions.textToBePresentInElement(who, "管理层"));
			assertThat(who.getText()).contains("系统管理员").doesNotContain("camunda-admin");
		} finally {
			identityService.deleteUser(user.getId());
		}
	}

	/** A case for the owner of {@link #UNIT}, opened by the desk through the API. */
	private String open(String type, String category, String description) throws Exception {
		return openCase(type, category, description).get("caseNo").asText();
	}

	/** The receipt of a case for the owner of {@link #UNIT}, opened by the desk through the API. */
	private JsonNode openCase(String type, String category, String description) throws Exception {
		String body = """
				{ "type": "%s", "channel": "phone", "externalId": "desk-%s",
				  "reporter": {"name": "%s", "phone": "%s"}, "building": "6", "unit": "%s", %s
				  "description": "%s" }
				""".formatted(type, UUID.randomUUID(), owner(), PHONE, UNIT,
				category == null ? "" : "\"category\": \"" + category + "\",", description);
		ApiClient.Answer answer = api.call("POST", "/api/cases", body, "Authorization", basic("agent"));
		assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
		return answer.body();
	}

	/** Moves to a view of the page already open, as a link on it would. */
	private void goTo(String hash) {
		((JavascriptExecutor) browser).executeScript("location.hash = arguments[0];", hash);
	}

	private String owner() {
		return jdbc.queryForObject("select name from resident where unit_code = ? order by id limit 1", String.class, UNIT);
	}

	/** Logs in on a fresh page, whoever was logged in before in this tab. */
	private void logIn(String user) {
		String page = "http://localhost:" + port + "/desk/";
		if (browser.getCurrentUrl().startsWith(page)) {
			// before the page loads again, or its first calls would go out with the old login half gone
			((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
		}
		browser.get(page + "?as=" + user);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys(user);
		browser.findElement(By.id("login-password")).sendKeys("demo");
		browser.findElement(By.id("login-submit")).click();
		if (!List.of("engineer", "auditor").contains(user)) {
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
		}
	}

	private void search(String text) {
		WebElement box = browser.findElement(By.id("q"));
		box.clear();
		box.sendKeys(text, Keys.ENTER);
	}

	private List<String> consoleErrors() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
	}

}
