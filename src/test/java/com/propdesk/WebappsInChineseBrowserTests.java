package com.propdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propdesk.intake.CaseService;

/**
 * Tasklist, Cockpit, Admin and the welcome page as staff see them, in Chromium: every screen a person visits
 * shows Chinese, and no English word of Camunda's own English labels is left on it. A label Camunda renders
 * outside its locale files (or one PropDesk's translation missed) shows up here by name.
 */
@PropDeskTest
@AtDayShift
@TestInstance(Lifecycle.PER_CLASS)
class WebappsInChineseBrowserTests {

	/**
	 * Words in Camunda's English labels that are names, not English, on these screens: product and format names,
	 * the engine's name ({@code default}), the demo users' ids and e-mail domain ({@code admin@propdesk.local}) and
	 * the deployed resources' file suffix ({@code repair-accept.form}) and the application ids administrators grant
	 * ({@code cockpit}, {@code tasklist}).
	 */
	private static final Set<String> NOT_ENGLISH_HERE = Set.of("Camunda", "BPMN", "DMN", "CMMN", "JSON", "XML", "REST",
			"API", "URL", "CSV", "UUID", "HTTP", "FEEL", "SQL", "Java", "FNI", "EDE", "default", "admin", "local",
			"demo", "form", "cockpit", "tasklist");

	/** The app names Camunda prints outside its locale files (the header's app switcher). */
	private static final Set<String> APP_NAMES = Set.of("Cockpit", "Tasklist", "Admin", "Welcome");

	private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]{2,}");

	@LocalServerPort
	int port;

	@Autowired
	CaseService cases;

	@Autowired
	RepositoryService repositoryService;

	private Chromium chromium;

	private WebDriver browser;

	private final Map<String, Set<String>> englishOnScreens = new LinkedHashMap<>();

	private Set<String> englishWords;

	@BeforeAll
	void startBrowser() throws IOException {
		englishWords = new TreeSet<>();
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			try (InputStream in = getClass().getClassLoader()
					.getResourceAsStream("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json")) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
				JsonNode labels = new ObjectMapper().readTree(text).path("labels");
				labels.elements().forEachRemaining(label -> words(label.asText()).forEach(englishWords::add));
			}
		}
		englishWords.removeAll(NOT_ENGLISH_HERE);
		englishWords.addAll(APP_NAMES);
		chromium = Chromium.start();
		browser = chromium.browser();
	}

	@org.junit.jupiter.api.BeforeEach
	void nothingSeenYet() {
		englishOnScreens.clear();
	}

	@AfterAll
	void closeBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void technicianAndAgentSeeTasklistItsFormsAndTheirMessagesInChinese() {
		cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重"));
		try {
			browser.get(url("/camunda/app/tasklist/"));
			visit("tasklist-login", By.cssSelector("input[ng-model='username']"));
			logIn("engineer");
			visit("tasklist-list", By.cssSelector(".task-filters .task-filter"));
			click(By.cssSelector(".tasks-list li.task h4.task a"));
			visit("tasklist-task-form", By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form"));
			// the technician may work the task, not change its dates or groups: the due date is shown, not offered
			chromium.patiently().until(d -> d.findElements(By.cssSelector(".task-details .meta.dates a")).stream()
					.noneMatch(org.openqa.selenium.WebElement::isDisplayed));
			assertThat(browser.findElement(By.cssSelector(".task-details .due-date")).getText()).isNotBlank();
			logOut();
			// the desk starts cases from start forms
			browser.get(url("/camunda/app/tasklist/"));
			logIn("agent");
			click(By.cssSelector(".start-process-action a"));
			visit("tasklist-start-process", By.cssSelector(".modal-dialog .processes"));
			click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='报修']"));
			visit("tasklist-start-form", By.cssSelector(".modal-body form.fjs-form"));
			// a required field left empty: form-js says so when the field loses the focus
			org.openqa.selenium.WebElement name = browser.findElement(By.xpath("//form[contains(@class,'fjs-form')]"
					+ "//label[starts-with(normalize-space(.),'报事人姓名')]/following::input[1]"));
			name.sendKeys("x", org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.TAB);
			visit("tasklist-start-form-errors", By.cssSelector(".fjs-form-field-error"));
			assertThat(browser.findElement(By.cssSelector(".fjs-form-field-error")).getText()).isEqualTo("此项必填。");
		}
		finally {
			logOut();
		}
		assertNoEnglish();
	}

	/** Setting a follow-up date opens Tasklist's own calendar, which Camunda draws in English whatever the locale. */
	@Test
	void whoMayUpdateATaskPicksItsFollowUpDateInAChineseCalendar() {
		cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重"));
		browser.get(url("/camunda/app/tasklist/"));
		logIn("admin");
		click(By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='全部']"));
		click(By.cssSelector(".tasks-list li.task h4.task a"));
		click(By.cssSelector(".task-details .followup-date a"));
		visit("tasklist-follow-up-calendar", By.cssSelector("[uib-daypicker], .uib-daypicker"));
		assertThat(browser.findElement(By.cssSelector("[uib-daypicker], .uib-daypicker")).getText()).contains("年", "月");
		logOut();
		assertNoEnglish();
	}

	/**
	 * A manager reads Cockpit: the buttons that change a running case (add or edit a variable, suspend, cancel) are
	 * not offered to him, only to those who may use them.
	 */
	@Test
	void cockpitOffersTheButtonsThatChangeACaseOnlyToThoseWhoMayUseThem() {
		String instance = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record()
				.processInstanceId();
		By toolbar = By.cssSelector(".ctn-toolbar");
		By variables = By.cssSelector("[cam-variables-table] table, .variables-table, table.cam-table");
		String page = url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
		browser.get(url("/camunda/app/cockpit/"));
		logIn("manager");
		browser.get(page);
		visit("cockpit-instance-manager", variables);
		chromium.patiently().until(d -> d.findElements(By.cssSelector("td.actions")).stream().noneMatch(
				org.openqa.selenium.WebElement::isDisplayed));
		assertThat(browser.findElements(toolbar)).noneMatch(org.openqa.selenium.WebElement::isDisplayed);
		logOut();

		browser.get(url("/camunda/app/cockpit/"));
		logIn("admin");
		browser.get(page);
		visit("cockpit-instance-admin", variables);
		chromium.patiently().until(ExpectedConditions.visibilityOfElementLocated(toolbar));
		chromium.patiently().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("td.actions")));
		logOut();
		// (the variables table lists variables by their names and engine types — String, Boolean — which are data)
	}

	@Test
	void administratorSeesCockpitAdminAndTheWelcomePageInChinese() {
		String repair = repositoryService.createProcessDefinitionQuery().processDefinitionKey("repair").latestVersion()
				.singleResult().getId();
		browser.get(url("/camunda/app/cockpit/"));
		visit("cockpit-login", By.cssSelector("input[ng-model='username']"));
		logIn("admin");
		visit("cockpit-dashboard", By.cssSelector(".dashboard"));
		browser.get(url("/camunda/app/cockpit/default/#/processes"));
		visit("cockpit-processes", By.cssSelector("table"));
		browser.get(url("/camunda/app/cockpit/default/#/process-definition/" + repair + "/runtime"));
		visit("cockpit-process-definition", By.cssSelector(".ctn-tabbed-content"));
		browser.get(url("/camunda/app/cockpit/default/#/decisions"));
		visit("cockpit-decisions", By.cssSelector("table"));
		browser.get(url("/camunda/app/cockpit/default/#/repository"));
		visit("cockpit-deployments", By.cssSelector(".deployments"));
		browser.get(url("/camunda/app/admin/default/#/users"));
		visit("admin-users", By.cssSelector("table"));
		browser.get(url("/camunda/app/admin/default/#/groups"));
		visit("admin-groups", By.cssSelector("table"));
		browser.get(url("/camunda/app/admin/default/#/authorization?resource=0"));
		visit("admin-authorizations", By.cssSelector("table"));
		browser.get(url("/camunda/app/admin/default/#/system?section=system-settings-general"));
		visit("admin-system", By.cssSelector(".section-content, .ctn-main"));
		browser.get(url("/camunda/app/welcome/default/"));
		visit("welcome", By.cssSelector(".webapps, .profile, .welcome"));
		logOut();
		assertNoEnglish();
	}

	private void assertNoEnglish() {
		assertThat(englishOnScreens).as("English words of Camunda's labels left on the screens (screen → words)")
				.isEmpty();
	}

	/** Waits for the screen's main part and for its text to settle, then notes any English label word on it. */
	private void visit(String screen, By ready) {
		chromium.patiently().until(ExpectedConditions.visibilityOfElementLocated(ready));
		// settled: the same text three polls in a row (lists and counts arrive after the frame)
		String[] last = { "" };
		int[] same = { 0 };
		chromium.patiently().pollingEvery(java.time.Duration.ofMillis(400)).until(d -> {
			String now = text();
			same[0] = now.equals(last[0]) ? same[0] + 1 : 0;
			last[0] = now;
			return same[0] >= 2;
		});
		chromium.saveScreenshot("zh-" + screen);
		Set<String> english = new TreeSet<>();
		for (String word : words(last[0])) {
			if (englishWords.contains(word)) {
				english.add(word);
			}
		}
		if (!english.isEmpty()) {
			englishOnScreens.put(screen, english);
		}
	}

	private String text() {
		return (String) ((JavascriptExecutor) browser).executeScript(
				"const parts = [document.body.innerText];"
						+ "document.querySelectorAll('input[placeholder], [title], button[aria-label]').forEach(e => {"
						+ " if (e.offsetParent !== null) parts.push(e.getAttribute('placeholder') || '', e.getAttribute('title') || '',"
						+ " e.getAttribute('aria-label') || ''); });"
						+ "return parts.join('\\n');");
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text.replaceAll("\\{\\{[^}]*}}", " ").replaceAll("<[^>]*>", " "));
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	/** Tasklist's fixed footer can cover what Selenium scrolls to the bottom edge: a person scrolls it up first. */
	private void click(By target) {
		org.openqa.selenium.WebElement element = chromium.patiently().until(ExpectedConditions.elementToBeClickable(target));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private void logIn(String user) {
		chromium.logInToWebapps(user, "demo");
		chromium.patiently().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
	}

	/** A fresh start for the next user: no session cookie, nothing the apps kept in the browser's storage. */
	private void logOut() {
		((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
		browser.manage().deleteAllCookies();
		browser.get("about:blank");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
