package com.propdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseRecord;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * The form editor of {@code /manage/} in Debian's Chromium, one browser for the class: a manager adds a field to the
 * technician's 接单 form, sees it in the preview and deploys it through the comparison and note; the next repair's task
 * shows the field in Tasklist. What the test deploys is deleted after it, so the repository's form is the latest again.
 */
@PropDeskTest
@AtDayShift
class FormEditorBrowserTests {

	static final String FORM = "repair-accept";

	/** The components PropDesk's form guard allows, the only ones the palette may offer. */
	static final Set<String> ALLOWED = guardedComponents();

	@RegisterExtension
	static final ManageConsoleBrowser console = new ManageConsoleBrowser("form-editor");

	private final WebDriver browser = console.browser();

	private final WebDriverWait wait = console.patiently();

	private final ManagePage page = console.page();

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	TaskService taskService;

	@Autowired
	CaseService cases;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void managerAddsAFieldToTheAcceptFormWithItsPreviewAndTheTechnicianSeesItInTasklist() throws Exception {
		page.logIn("manager");
		long start = System.nanoTime();
		page.goTo("#/edit?kind=form&key=" + FORM);
		WebElement textField = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#form-editor .fjs-palette-field[data-field-type='textfield']")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-preview"), "事项编号"));
		System.out.printf("Form editor: %s opened with its preview in %d ms%n", FORM, (System.nanoTime() - start) / 1_000_000);

		List<String> offered = browser.findElements(By.cssSelector("#form-editor .fjs-palette-field")).stream()
				.map(entry -> entry.getDomAttribute("data-field-type")).toList();
		assertThat(offered).as("the palette offers exactly what the guard allows").containsExactlyInAnyOrderElementsOf(ALLOWED);
		assertThat(browser.findElements(By.cssSelector("#form-editor .fjs-palette-group-title")))
				.extracting(WebElement::getText).containsExactly("输入", "选择", "展示", "容器");
		assertThat(textField.getText()).isEqualTo("单行文本");
		assertThat(browser.findElement(By.cssSelector("#form-editor .fjs-palette-header")).getText()).isEqualTo("组件");
		assertThat(browser.findElement(By.cssSelector("#form-preview form.fjs-form")).getText())
				.as("the preview fills the case header with a sample case").contains("事项编号", "接单");

		// a person drags it onto the form; Enter on the palette entry adds it at the end, as the keyboard does
		textField.sendKeys(Keys.ENTER);
		WebElement added = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='form-editor']"
				+ "//div[contains(@class,'fjs-element')][not(.//div[contains(@class,'fjs-element')])]"
				+ "[.//label[normalize-space(.)='单行文本']]")));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", added);
		added.click();
		WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#form-editor [data-entry-id='key'] input")));
		assertThat(browser.findElement(By.cssSelector("#form-editor [data-entry-id='key'] label")).getText()).isEqualTo("键");
		WebElement label = browser.findElement(By.cssSelector("#form-editor [data-entry-id='label'] [contenteditable='true']"));
		assertThat(browser.findElement(By.cssSelector("#form-editor [data-entry-id='label'] label")).getText()).isEqualTo("标签");
		key.sendKeys(Keys.chord(Keys.CONTROL, "a"), "visitNote");
		label.click();
		label.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		// the panel hands an edit to the form after a short pause; the field on the form shows it has
		wait.until(d -> added.findElements(By.tagName("label")).stream().allMatch(l -> l.getText().isBlank()));

		// a field without a label is flagged by the editor's own check and marked on the form
		browser.findElement(By.id("edit-validate")).click();
		WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#edit-problems li[data-source='lint'][data-level='warning']")));
		assertThat(problem.getText()).contains("visitNote", "没有标签");
		assertThat(problem.getDomAttribute("data-element-id")).isEqualTo(added.getDomAttribute("data-id"));
		assertThat(added.getCssValue("outline-style")).as("the field is marked").isEqualTo("solid");

		label.sendKeys("预约上门说明");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-preview"), "预约上门说明"));
		console.chromium().saveScreenshot("form-editor-field-added");

		browser.findElement(By.id("edit-validate")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-valid")));

		browser.findElement(By.id("edit-deploy")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText())
				.isEqualTo("部署检查：允许");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deploy-note"))).sendKeys("接单时记下预约上门的说明");
		int original = latestFormVersion();
		browser.findElement(By.id("deploy-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"),
				"已部署：表单 " + FORM + " 第 " + (original + 1) + " 版"));
		assertThat(page.consoleErrors()).as("errors in the browser's console (a refused style or script shows here)").isEmpty();

		JsonNode deployed = deployedForm();
		assertThat(deployed.path("id").asText()).isEqualTo(FORM);
		assertThat(deployed.path("schemaVersion").asInt()).as("what Tasklist 7.24 renders").isEqualTo(16);
		assertThat(deployed.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
		assertThat(deployed.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
		assertThat(deployed.path("exporter").path("name").asText()).isEqualTo("PropDesk");
		JsonNode last = deployed.path("components").get(deployed.path("components").size() - 1);
		assertThat(last.path("type").asText()).isEqualTo("textfield");
		assertThat(last.path("key").asText()).isEqualTo("visitNote");
		assertThat(last.path("label").asText()).isEqualTo("预约上门说明");

		CaseRecord opened = cases.open(Reports.repair("1", "1-1201", "plumbing", "卫生间地漏堵塞")).record();
		console.openedInstance(opened.processInstanceId());
		Task accept = taskService.createTaskQuery().processInstanceId(opened.processInstanceId()).singleResult();
		assertThat(accept.getTaskDefinitionKey()).isEqualTo(RepairProcess.ACCEPT_JOB);
		assertThat(accept.getAssignee()).isEqualTo("engineer");
		openInTasklist("engineer", accept);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//form[contains(@class,'fjs-form')]"
				+ "//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='预约上门说明']")));
		console.chromium().saveScreenshot("form-editor-field-in-tasklist");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> guardedComponents() {
		try {
			Field components = Class.forName("com.propdesk.security.FormAllowList").getDeclaredField("COMPONENTS");
			components.setAccessible(true);
			return ((Map<String, ?>) components.get(null)).keySet();
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("the form guard's list of components moved", e);
		}
	}

	private int latestFormVersion() {
		return jdbc.queryForObject("select max(version_) from act_re_camformdef where key_ = ?", Integer.class, FORM);
	}

	private JsonNode deployedForm() throws IOException {
		Set<String> deployed = console.deployedByTheTest();
		assertThat(deployed).as("one deployment, the edited form").hasSize(1);
		String deployment = deployed.iterator().next();
		String resource = repositoryService.getDeploymentResourceNames(deployment).stream()
				.filter(name -> name.endsWith(FORM + ".form")).findFirst().orElseThrow();
		try (InputStream in = repositoryService.getResourceAsStream(deployment, resource)) {
			return new ObjectMapper().readTree(in);
		}
	}

	/** Logs into Tasklist and opens the task by its address, the one thing no other task shares. */
	private void openInTasklist(String user, Task task) {
		browser.get("http://localhost:" + page.port() + "/camunda/app/tasklist/");
		console.chromium().logInToWebapps(user, "demo");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters, .tasks-list")));
		browser.get("http://localhost:" + page.port() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form")));
	}

}
