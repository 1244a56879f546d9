package com.propdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.Work;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * The process editor of {@code /manage/} in Debian's Chromium, one browser for the class: a manager renames a repair
 * step and adds a user task for engineering in the diagram, validates and deploys it through the console's comparison
 * and note, and the next repair reaches the new task; a script task pasted as XML is marked on its element and cannot
 * be deployed; the editor offers no script task; an auditor gets no editor. What a test deploys is deleted after it.
 */
@PropDeskTest
@AtDayShift
class ProcessEditorBrowserTests {

	// a wide window, so the whole repair diagram fits at a scale where a 50-pixel flow can be hit
	@RegisterExtension
	static final ManageConsoleBrowser console = new ManageConsoleBrowser("process-editor",
			options -> options.addArguments("--window-size=2400,1300"));

	private final WebDriver browser = console.browser();

	private final WebDriverWait wait = console.patiently();

	private final ManagePage page = console.page();

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CaseService cases;

	@Test
	void managerRenamesAStepAddsATaskForEngineeringDeploysItAndTheNextRepairReachesIt() {
		int before = latestRepairVersion();
		page.logIn("manager");
		long start = System.nanoTime();
		openRepair();
		System.out.printf("process editor: repair open in %d ms%n", (System.nanoTime() - start) / 1_000_000);

		select("Task_Repair");
		type("bio-properties-panel-name", "上门维修（含材料确认）");
		wait.until(d -> shape("Task_Repair").getText().replaceAll("\\s", "").contains("含材料确认"));

		// a task dropped on the flow from accepting the job to the repair is wired into it; then it becomes a user task
		browser.findElement(By.cssSelector(".djs-palette [data-action='create.task']")).click();
		new Actions(browser).moveToElement(browser.findElement(By.cssSelector(
				"g.djs-connection[data-element-id='Flow_ToRepair']"))).click().perform();
		// the click that placed the task may still be swallowed by the modeler, which ignores the click ending a move
		WebElement menu = wait.until(d -> {
			List<WebElement> popup = d.findElements(By.cssSelector(".djs-popup"));
			if (!popup.isEmpty() && popup.get(0).isDisplayed()) {
				return popup.get(0);
			}
			d.findElements(By.cssSelector(".djs-context-pad [data-action='replace']")).forEach(WebElement::click);
			return null;
		});
		assertThat(menu.getText()).contains("用户任务", "服务任务").doesNotContain("脚本", "Script");
		menu.findElement(By.cssSelector("[data-id='replace-with-user-task']")).click();
		WebElement groups = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bio-properties-panel-candidateGroups")));
		type("bio-properties-panel-name", "确认到场");
		type("bio-properties-panel-id", "Task_ConfirmArrival");
		wait.until(d -> !browser.findElements(By.cssSelector("g.djs-element[data-element-id='Task_ConfirmArrival']")).isEmpty());
		groups = browser.findElement(By.id("bio-properties-panel-candidateGroups"));
		assertThat(new Select(groups).getOptions()).extracting(WebElement::getText).contains("工程部", "客服");
		choose("bio-properties-panel-candidateGroups", "engineering");
		choose("bio-properties-panel-formRef", "repair-work");
		console.chromium().saveScreenshot("process-editor-added-task");

		browser.findElement(By.id("edit-validate")).click();
		wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("edit-valid")),
				ExpectedConditions.presenceOfElementLocated(By.id("edit-invalid"))));
		assertThat(browser.findElements(By.cssSelector("#edit-problems li[data-level='error']"))).extracting(WebElement::getText)
				.isEmpty();

		browser.findElement(By.id("edit-deploy")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "部署检查：允许"));
		browser.findElement(By.id("deploy-note")).sendKeys("接单后增加确认到场（在浏览器中编辑）");
		browser.findElement(By.id("deploy-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"),
				"已部署：流程 repair 第 " + (before + 1) + " 版"));
		assertThat(page.consoleErrors()).as("script errors or refused loads in the page's console").isEmpty();

		String caseNo = cases.open(Reports.repair("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重")).record().caseNo();
		console.opened(caseNo);
		Task accept = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		assertThat(repositoryService.getProcessDefinition(accept.getProcessDefinitionId()).getVersion()).isEqualTo(before + 1);
		Work.completeAs(identityService, taskService, accept.getAssignee(), accept, Map.of("eta", "15 分钟内"));
		Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmArrival");
		assertThat(confirm.getName()).isEqualTo("确认到场");
		assertThat(Work.candidateGroups(taskService, confirm)).containsExactly("engineering");
		assertThat(repositoryService.getBpmnModelInstance(confirm.getProcessDefinitionId())
				.getModelElementById("Task_Repair").getAttributeValue("name")).isEqualTo("上门维修（含材料确认）");
	}

	@Test
	void aScriptTaskPastedAsXmlIsMarkedOnItsElementAndCannotBeDeployed() {
		int before = latestRepairVersion();
		page.logIn("manager");
		openRepair();
		browser.findElement(By.id("process-tab-xml")).click();
		WebElement source = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("process-xml")));
		String xml = source.getDomProperty("value");
		String script = TestVersions.replaceOnce(xml.replaceAll(
				"<bpmn:serviceTask id=\"Task_RecordWork\"[^>]*>", "<bpmn:scriptTask id=\"Task_RecordWork\" name=\"记录维修情况\" scriptFormat=\"groovy\">"),
				"<bpmn:outgoing>Flow_ToMeetInvestigationClock</bpmn:outgoing>\n    </bpmn:serviceTask>",
				"<bpmn:outgoing>Flow_ToMeetInvestigationClock</bpmn:outgoing>\n      <bpmn:script>\"ls\".execute()</bpmn:script>\n    </bpmn:scriptTask>");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", source, script);
		browser.findElement(By.id("process-tab-diagram")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("process-canvas")));

		browser.findElement(By.id("edit-deploy")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-refused")));
		WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#edit-problems li[data-source='guard'][data-level='error'][data-element-id='Task_RecordWork']")));
		assertThat(problem.getText()).contains("不允许脚本");
		assertThat(shape("Task_RecordWork").getDomAttribute("class")).contains("propdesk-problem-error");
		assertThat(browser.findElements(By.cssSelector(".process-problem-badge.error[data-element-id='Task_RecordWork']"))).hasSize(1);
		assertThat(browser.findElements(By.id("deploy-submit"))).isEmpty();
		assertThat(latestRepairVersion()).isEqualTo(before);
		console.chromium().saveScreenshot("process-editor-script-refused");
	}

	@Test
	void theEditorOffersNoScriptTaskAnywhereAndItsLabelsAreChinese() {
		page.logIn("manager");
		openRepair();
		List<String> palette = browser.findElements(By.cssSelector(".djs-palette .entry")).stream()
				.map(e -> e.getDomAttribute("data-action") + " " + e.getDomAttribute("aria-label")).toList();
		assertThat(palette).anyMatch(e -> e.startsWith("create.task 任务")).noneMatch(e -> e.contains("script"));
		select("Task_RecordWork");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".djs-context-pad [data-action='replace']"))).click();
		WebElement menu = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".djs-popup")));
		assertThat(menu.findElements(By.cssSelector("[data-id*='script'], [data-id*='transaction'], [data-id*='complex']"))).isEmpty();
		assertThat(menu.findElements(By.cssSelector("[data-id='replace-with-user-task']"))).hasSize(1);
		new Actions(browser).sendKeys(Keys.ESCAPE).perform();

		// the step is chosen from PropDesk's steps by name, never typed as a class or expression
		WebElement step = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bio-properties-panel-delegateExpression")));
		assertThat(new Select(step).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("recordRepairWorkDelegate");
		assertThat(browser.findElement(By.id("process-panel")).getText()).doesNotContain("Java", "Script", "Connector",
				"Implementation", "Field injection");
		select("Task_StartResponseClock");
		WebElement sla = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bio-properties-panel-input-sla")));
		assertThat(new Select(sla).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("repair-response");
		select("Timer_FeedbackTimeout");
		wait.until(ExpectedConditions.attributeToBe(By.id("bio-properties-panel-timerValue"), "value", "PT72H"));
		assertThat(browser.findElement(By.id("process-panel")).getText()).contains("定时", "时长", "72 小时");
		assertThat(page.consoleErrors()).isEmpty();
	}

	@Test
	void theShippedCaseDiagramsPassValidationWithoutAnyProblemAndUnchangedDeployNothing() {
		page.logIn("manager");
		for (String key : List.of("repair", "complaint", "emergency", "inquiry")) {
			page.goTo("#/edit?kind=process&key=" + key);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit-title"), "（" + key + "）"));
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#process-canvas g.djs-element")));
			browser.findElement(By.id("edit-validate")).click();
			// bpmnlint's recommended rules included: the two the diagrams break on purpose are off
			wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("edit-valid")),
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("#edit-problems li"))));
			assertThat(browser.findElements(By.cssSelector("#edit-problems li"))).as(key).extracting(WebElement::getText).isEmpty();
			// opened and not changed: nothing to deploy, though the saved file would differ from the live one in layout
			browser.findElement(By.id("edit-deploy")).click();
			assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-unchanged"))).getText()).contains("没有修改");
		}
		// the editor writes the decisions' binding as the diagrams do (moddle leaves out an attribute equal to its default)
		browser.findElement(By.id("process-tab-xml")).click();
		String saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("process-xml"))).getDomProperty("value");
		assertThat(saved).contains("camunda:decisionRefBinding=\"latest\"");
		browser.findElement(By.id("process-tab-diagram")).click();
		assertThat(page.consoleErrors()).isEmpty();
	}

	@Test
	void anAuditorGetsNoEditor() {
		page.logIn("auditor");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.definition[data-key='repair'] tr[data-version]")));
		assertThat(browser.findElements(By.cssSelector("a.edit"))).isEmpty();
		page.goTo("#/edit?kind=process&key=repair");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only")));
		assertThat(browser.findElements(By.id("process-canvas"))).isEmpty();
	}

	private void openRepair() {
		page.goTo("#/edit?kind=process&key=repair");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#process-canvas g.djs-element[data-element-id='Task_Repair']")));
	}

	private WebElement shape(String id) {
		return browser.findElement(By.cssSelector("#process-canvas g.djs-element[data-element-id='" + id + "']"));
	}

	/** Clicks an element of the diagram and waits for the properties panel to show it. */
	private void select(String id) {
		new Actions(browser).moveToElement(shape(id)).click().perform();
		wait.until(ExpectedConditions.attributeToBe(By.id("bio-properties-panel-id"), "value", id));
	}

	/** Replaces a panel field's text as a person would; the panel takes it after its short typing pause. */
	private void type(String field, String text) {
		WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(field)));
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
		wait.until(d -> text.equals(d.findElement(By.id(field)).getDomProperty("value")));
	}

	/**
	 * Chooses an option of a panel select. The panel takes a choice on the select's input event; an option chosen
	 * through Selenium's {@code Select} was shown but never reached the panel here, so the choice is made as the
	 * browser reports a person's: the value, then input and change.
	 */
	private void choose(String select, String value) {
		WebElement element = browser.findElement(By.id(select));
		assertThat(new Select(element).getOptions()).extracting(o -> o.getDomAttribute("value")).contains(value);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
				+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", element, value);
		wait.until(d -> value.equals(d.findElement(By.id(select)).getDomProperty("value")));
	}

	private int latestRepairVersion() {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepairProcess.KEY).latestVersion()
				.singleResult().getVersion();
	}

}
