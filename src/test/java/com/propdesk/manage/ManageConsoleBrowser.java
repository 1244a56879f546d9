package com.propdesk.manage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.propdesk.Chromium;

/**
 * What the browser tests of {@code /manage/} share, registered as a {@code static} extension field: one Chromium for the
 * class with the page's console logged, a screenshot under the class's prefix when a test fails (taken while the page
 * is still there), the console log cleared before each test, and after it the page moved off an open editor, the cases
 * and instances the test opened deleted, and every deployment it made deleted with its note, so the repository's files
 * are the latest again for the next test. A class's own {@code @AfterEach} methods run before that clean-up.
 * <p>
 * A test class may keep {@code browser()}, {@code patiently()} and {@code page()} in instance fields: with JUnit's
 * default of one instance per test, each instance is made after the browser has started for the class.
 */
final class ManageConsoleBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
		TestExecutionExceptionHandler {

	private final String screenshotPrefix;

	private final Consumer<ChromeOptions> moreOptions;

	private Chromium chromium;

	private ManagePage page;

	private RepositoryService repository;

	private RuntimeService runtime;

	private JdbcTemplate jdbc;

	private Set<String> deploymentsBefore = Set.of();

	private final List<String> openedCases = new ArrayList<>();

	private final List<String> openedInstances = new ArrayList<>();

	/** {@code screenshotPrefix} names a failed test's picture under {@code target/browser}: prefix-testMethod. */
	ManageConsoleBrowser(String screenshotPrefix) {
		this(screenshotPrefix, options -> {
		});
	}

	/** {@code moreOptions} adds to Chromium's usual options (a later {@code --window-size} wins). */
	ManageConsoleBrowser(String screenshotPrefix, Consumer<ChromeOptions> moreOptions) {
		this.screenshotPrefix = screenshotPrefix;
		this.moreOptions = moreOptions;
	}

	WebDriver browser() {
		return chromium.browser();
	}

	WebDriverWait patiently() {
		return chromium.patiently();
	}

	ManagePage page() {
		return page;
	}

	Chromium chromium() {
		return chromium;
	}

	/** The case's process instances are deleted after the test; answers the case number. */
	String opened(String caseNo) {
		openedCases.add(caseNo);
		return caseNo;
	}

	/** The process instance is deleted after the test. */
	void openedInstance(String processInstanceId) {
		openedInstances.add(processInstanceId);
	}

	/** The ids of the deployments made since the test began. */
	Set<String> deployedByTheTest() {
		Set<String> ids = deploymentIds();
		ids.removeAll(deploymentsBefore);
		return ids;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		ApplicationContext spring = SpringExtension.getApplicationContext(context);
		repository = spring.getBean(RepositoryService.class);
		runtime = spring.getBean(RuntimeService.class);
		jdbc = spring.getBean(JdbcTemplate.class);
		int port = spring.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		chromium = Chromium.start((options, profile) -> {
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			moreOptions.accept(options);
		});
		page = new ManagePage(chromium.browser(), chromium.patiently(), port);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		deploymentsBefore = deploymentIds();
		browser().manage().logs().get(LogType.BROWSER);
	}

	// runs before the clean-up and before the browser closes, so the page is still there to be photographed
	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (chromium != null) {
			chromium.saveScreenshot(screenshotPrefix + "-" + context.getRequiredTestMethod().getName());
		}
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			leaveAnOpenEditor();
		}
		finally {
			deleteWhatTheTestMade();
		}
	}

	private void leaveAnOpenEditor() {
		if (!browser().findElements(By.id("editor")).isEmpty()) {
			// the page asks before leaving an editor with changes: the next test starts afresh, changes dropped
			((JavascriptExecutor) browser()).executeScript("window.confirm = () => true; location.hash = '#/';");
			patiently().until(ExpectedConditions.numberOfElementsToBe(By.id("editor"), 0));
		}
	}

	private void deleteWhatTheTestMade() {
		List<ProcessInstance> instances = new ArrayList<>();
		openedCases.forEach(caseNo -> instances.addAll(
				runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()));
		openedInstances.forEach(id -> instances.addAll(runtime.createProcessInstanceQuery().processInstanceId(id).list()));
		openedCases.clear();
		openedInstances.clear();
		instances.stream().map(ProcessInstance::getId).distinct()
				.filter(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0)
				.forEach(id -> runtime.deleteProcessInstance(id, "test finished", true, true));
		for (String id : deployedByTheTest()) {
			repository.deleteDeployment(id, true, true);
			jdbc.update("delete from deployment_note where deployment_id = ?", id);
		}
	}

	private Set<String> deploymentIds() {
		Set<String> ids = new HashSet<>();
		repository.createDeploymentQuery().list().forEach(d -> ids.add(d.getId()));
		return ids;
	}

}
