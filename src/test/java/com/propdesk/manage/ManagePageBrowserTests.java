package com.propdesk.manage;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.propdesk.OwnerEventJobs;
import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.Jobs;
import com.propdesk.LocalReceiver;
import com.propdesk.PropDeskTest;
import com.propdesk.Reports;
import com.propdesk.intake.CaseRequest;
import com.propdesk.intake.CaseService;
import com.propdesk.repair.RepairProcess;

/**
 * The managers' console {@code /manage/} in Debian's Chromium, one browser for the class: a manager puts a faster P1
 * repair response live after its preview and rolls it back; sees repair v1 and v2 compared on the diagrams; moves
 * running repairs from the page; retries a failed delivery; the auditor reads without a single control that changes
 * anything and the service desk is refused. Whatever a test deploys is deleted after it, with its instances, so the
 * repository's files are the latest again for the next test class.
 */
@PropDeskTest
@AtDayShift
class ManagePageBrowserTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@RegisterExtension
	static final ManageConsoleBrowser console = new ManageConsoleBrowser("manage");

	private final WebDriver browser = console.browser();

	private final WebDriverWait wait = console.patiently();

	private final ManagePage page = console.page();

	private final ApiClient api = new ApiClient(page.port());

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	CaseService cases;

	@TempDir
	Path temp;

	private final List<String> batches = new ArrayList<>();

	// runs before the console's clean-up deletes the deployments and instances the batches moved
	@AfterEach
	void deleteTheTestsBatches() {
		batches.forEach(id -> {
			if (managementService.createBatchQuery().batchId(id).count() > 0) {
				managementService.deleteBatch(id, true);
			}
		});
	}

	@Test
	void managerPutsAFasterP1ResponseLiveAfterItsPreviewRollsItBackAndAnUnchangedFileDeploysNothing() throws Exception {
		int original = latestDecisionVersion("sla-policy");
		page.logIn("manager");
		List<WebElement> repairVersions = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
				By.cssSelector("section.definition[data-kind='process'][data-key='repair'] tr[data-version]")));
		assertThat(repairVersions).hasSize((int) repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(RepairProcess.KEY).count());
		assertThat(repairVersions.get(0).getText()).contains("最新", "启动时");

		page.goTo("#/deploy");
		Path file = temp.resolve("sla-policy.dmn");
		Files.writeString(file, TestVersions.slaPolicyWithFasterP1Response(), StandardCharsets.UTF_8);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deploy-file"))).sendKeys(file.toString());
		WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
		assertThat(verdict.getText()).isEqualTo("部署检查：允许");
		List<WebElement> rules = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
				By.cssSelector(".preview-comparison tr[data-rule]")));
		assertThat(rules).as("exactly the P1 repair response rule changed").hasSize(1);
		assertThat(rules.get(0).getDomAttribute("data-rule")).isEqualTo("Rule_02");
		assertThat(rules.get(0).getText()).contains("修改", "\"PT15M\"", "\"PT10M\"");
		console.chromium().saveScreenshot("manage-deploy-preview");

		browser.findElement(By.id("deploy-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"), "请填写变更说明"));
		assertThat(latestDecisionVersion("sla-policy")).as("no note, nothing deployed").isEqualTo(original);
		browser.findElement(By.id("deploy-note")).sendKeys("P1 维修响应缩短到 10 分钟");
		browser.findElement(By.id("deploy-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"),
				"已部署：决策表 sla-policy 第 " + (original + 1) + " 版"));

		page.goTo("#/");
		WebElement deployed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
				"section.definition[data-key='sla-policy'] tr[data-version='" + (original + 1) + "']")));
		assertThat(deployed.getText()).contains("最新", "manager", "管理页面", "P1 维修响应缩短到 10 分钟");

		browser.findElement(By.cssSelector("section.definition[data-key='sla-policy'] tr[data-version='" + original
				+ "'] button.rollback")).click();
		WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-dialog")));
		assertThat(dialog.getText()).contains("确定回滚吗", "第 " + original + " 版");
		browser.findElement(By.id("dialog-note")).sendKeys("恢复 15 分钟：班组人手不足");
		browser.findElement(By.id("dialog-confirm")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rollback-done")));
		WebElement rolledBack = browser.findElement(By.cssSelector(
				"section.definition[data-key='sla-policy'] tr[data-version='" + (original + 2) + "']"));
		assertThat(rolledBack.getText()).contains("最新", "回滚", "恢复 15 分钟：班组人手不足", "恢复：决策表 sla-policy 第 " + original + " 版");
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(original + 2);
		String rolledBackContent = new String(repositoryService.getResourceAsStream(
				repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("sla-policy").latestVersion().singleResult()
						.getDeploymentId(), "sla-policy.dmn").readAllBytes(), StandardCharsets.UTF_8);
		assertThat(rolledBackContent).contains("<outputEntry id=\"Rule_02_Target\"><text>\"PT15M\"</text>");

		// the repository's file is what is live again: uploading it deploys nothing and the page says so
		page.goTo("#/deploy");
		Path same = temp.resolve("same/sla-policy.dmn");
		Files.createDirectories(same.getParent());
		Files.writeString(same, TestVersions.file("processes/sla-policy.dmn"), StandardCharsets.UTF_8);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deploy-file"))).sendKeys(same.toString());
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unchanged"))).getText())
				.contains("与当前最新版本相同", "不会产生新版本");
		assertThat(browser.findElements(By.id("deploy-submit"))).isEmpty();
		assertThat(page.consoleErrors()).as("script errors or refused loads in the page's console").isEmpty();
	}

	@Test
	void repairV1AndV2AreComparedOnTheDiagramsWithExactlyTheRenamedAndTheAddedTaskMarked() throws Exception {
		int v1 = latestProcessVersion(RepairProcess.KEY);
		var deployed = api.call("POST", "/api/manage/deployments", JSON.writeValueAsString(Map.of("fileName", "repair.bpmn",
				"content", repairWithTaskRenamedAndAddedDrawn(), "note", "接单后增加确认到场")), "Authorization", basic("manager"));
		assertThat(deployed.status()).as(String.valueOf(deployed.body())).isEqualTo(201);

		page.logIn("manager");
		page.goTo("#/compare?kind=process&key=repair&from=" + v1 + "&to=" + (v1 + 1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comparison[data-rendered='true']")));
		assertThat(marked("diagram-after")).containsExactlyInAnyOrderEntriesOf(
				Map.of("Task_Repair", "diff-changed", "Task_ConfirmArrival", "diff-added"));
		assertThat(marked("diagram-before")).containsExactlyInAnyOrderEntriesOf(Map.of("Task_Repair", "diff-changed"));
		List<WebElement> elements = browser.findElements(By.cssSelector("#process-elements tbody tr"));
		assertThat(elements).extracting(e -> e.getDomAttribute("data-id"))
				.containsExactlyInAnyOrder("Task_Repair", "Task_ConfirmArrival");
		WebElement renamed = browser.findElement(By.cssSelector("#process-elements tr[data-id='Task_Repair']"));
		assertThat(renamed.getText()).contains("修改", "名称", "上门维修", "上门维修（含材料确认）");
		assertThat(browser.findElement(By.cssSelector("#process-elements tr[data-id='Task_ConfirmArrival']")).getText())
				.contains("新增", "确认到场");
		console.chromium().saveScreenshot("manage-compare");
		assertThat(page.consoleErrors()).isEmpty();
	}

	/** Each shape of a drawn diagram that carries a comparison marker, with its marker. */
	private Map<String, String> marked(String diagram) {
		Map<String, String> marks = new HashMap<>();
		for (WebElement shape : browser.findElements(By.cssSelector("#" + diagram + " g.djs-shape"))) {
			String classes = shape.getDomAttribute("class");
			for (String marker : List.of("diff-added", "diff-removed", "diff-changed")) {
				if (classes != null && List.of(classes.split("\\s+")).contains(marker)) {
					marks.put(shape.getDomAttribute("data-element-id"), marker);
				}
			}
		}
		return marks;
	}

	/** The comparison tests' repair v2 with the added task drawn, as Modeler would save it. */
	private static String repairWithTaskRenamedAndAddedDrawn() {
		return TestVersions.replaceOnce(TestVersions.repairWithTaskRenamedAndAdded(), "<bpmndi:BPMNShape id=\"Task_Repair_di\"",
				"<bpmndi:BPMNShape id=\"Task_ConfirmArrival_di\" bpmnElement=\"Task_ConfirmArrival\"><dc:Bounds x=\"2670\" y=\"300\" "
						+ "width=\"100\" height=\"80\"/></bpmndi:BPMNShape>\n"
						+ "      <bpmndi:BPMNEdge id=\"Flow_ToRepairAfterArrival_di\" bpmnElement=\"Flow_ToRepairAfterArrival\">"
						+ "<di:waypoint x=\"2720\" y=\"300\"/><di:waypoint x=\"2720\" y=\"240\"/></bpmndi:BPMNEdge>\n"
						+ "      <bpmndi:BPMNShape id=\"Task_Repair_di\"");
	}

	@Test
	void managerMovesRunningRepairsFromThePageAfterThePlanAndADryRun() throws Exception {
		List<String> accepting = List.of(open("1", "1-1201", "plumbing", "厨房水管爆裂，漏水严重"),
				open("2", "2-301", "plumbing", "卫生间水龙头漏水"), open("3", "3-502", "electrical", "客厅插座没电"));
		String atDesk = open("2", "2-801", "other", "阳台上有个东西一直响");
		int v1 = latestProcessVersion(RepairProcess.KEY);
		var deployed = api.call("POST", "/api/manage/deployments", JSON.writeValueAsString(Map.of("fileName", "repair.bpmn",
				"content", TestVersions.repairWithoutDeskClassification(), "note", "去掉客服人工分类")), "Authorization",
				basic("manager"));
		assertThat(deployed.status()).as(String.valueOf(deployed.body())).isEqualTo(201);

		page.logIn("manager");
		page.goTo("#/migrate?key=repair&from=" + v1 + "&to=" + (v1 + 1));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("plan-submit"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-cases")));
		assertThat(browser.findElement(By.id("plan-summary")).getText()).contains("3 个可以迁移", "1 个不能迁移");
		assertThat(browser.findElement(By.cssSelector("#plan-instructions tr[data-source='" + RepairProcess.ACCEPT_JOB + "']"))
				.getText()).contains("接单");
		assertThat(browser.findElement(By.id("plan-unmapped")).getText()).contains("客服人工分类");
		WebElement blocked = browser.findElement(By.cssSelector("#plan-cases tr[data-case='" + atDesk + "']"));
		assertThat(blocked.getText()).contains("不能迁移", "新版本中没有对应的步骤");
		for (String caseNo : accepting) {
			assertThat(browser.findElement(By.cssSelector("#plan-cases tr[data-case='" + caseNo + "']")).getText())
					.contains("接单", "可以迁移");
		}

		browser.findElement(By.id("dry-run")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-run-result"),
				"试运行完成（未做任何更改）：3 个事项可以迁移，1 个不能迁移。"));
		accepting.forEach(caseNo -> assertThat(version(caseNo)).as("a dry run moves nothing").isEqualTo(v1));

		browser.findElement(By.id("migrate-note")).sendKeys("接单后增加确认到场");
		browser.findElement(By.id("migrate-submit")).click();
		WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#migrate-result .notice")));
		Matcher batch = Pattern.compile("已提交批次 (\\S+)：").matcher(result.getText());
		assertThat(batch.find()).as(result.getText()).isTrue();
		String batchId = batch.group(1);
		batches.add(batchId);
		assertThat(browser.findElement(By.cssSelector("#excluded-cases tr[data-case='" + atDesk + "']")).getText())
				.contains("不能迁移");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-text")));
		assertThat(browser.findElement(By.id("progress")).getDomAttribute("data-finished")).isEqualTo("false");

		// the job executor is off in tests: the test runs the batch's jobs, the page's polling sees them done
		Jobs.runBatch(managementService, batchId);
		wait.until(ExpectedConditions.attributeToBe(By.id("progress"), "data-finished", "true"));
		assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo("已完成：作业 3/3，失败 0");
		assertThat(browser.findElements(By.cssSelector("#progress-cases tr[data-case]")))
				.extracting(row -> row.getDomAttribute("data-state")).containsExactly("moved", "moved", "moved");
		console.chromium().saveScreenshot("manage-migrated");
		accepting.forEach(caseNo -> assertThat(version(caseNo)).as(caseNo).isEqualTo(v1 + 1));
		assertThat(version(atDesk)).isEqualTo(v1);
		assertThat(page.consoleErrors()).isEmpty();
	}

	@Test
	void managerRetriesAFailedDeliveryFromThePage() throws Exception {
		try (LocalReceiver receiver = new LocalReceiver()) {
			receiver.failing(100);
			String caseNo = cases.open(new CaseRequest("repair", "app", "app-" + UUID.randomUUID(),
					new CaseRequest.Reporter("赵先生", "13911112222"), "1", "1-801", "plumbing", "卫生间漏水",
					receiver.url("/hooks/case"))).record().caseNo();
			console.opened(caseNo);
			// every back-off, then the last attempt, which fails into the incident
			while (OwnerEventJobs.callback(managementService, jdbc, caseNo).getRetries() > 0) {
				Jobs.runWhenDue(managementService, OwnerEventJobs.callback(managementService, jdbc, caseNo));
			}
			Job delivery = OwnerEventJobs.callback(managementService, jdbc, caseNo);
			receiver.failing(0);

			page.logIn("manager");
			page.goTo("#/incidents");
			WebElement incident = wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("#incidents tr[data-case='" + caseNo + "']")));
			assertThat(incident.getText()).contains("回调渠道系统", "作业失败", "HTTP 503");
			incident.findElement(By.cssSelector("button.retry")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("incident-result"), "已安排重试：" + caseNo));
			assertThat(browser.findElements(By.cssSelector("#incidents tr[data-case='" + caseNo + "']"))).isEmpty();
			assertThat(managementService.createJobQuery().jobId(delivery.getId()).singleResult().getRetries()).isOne();
			assertThat(runtimeService.createIncidentQuery().configuration(delivery.getId()).count()).isZero();
			assertThat(Jobs.runWhenDue(managementService, delivery)).isTrue();
			assertThat(OwnerEventJobs.callbacks(managementService, jdbc, caseNo)).as("delivered").isEmpty();
			assertThat(page.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theAuditorReadsWithoutAnyControlThatChangesAndTheServiceDeskIsRefused() throws Exception {
		page.logIn("auditor");
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("section.definition[data-key='repair'] tr[data-version]")));
		assertThat(browser.findElement(By.id("who")).getText()).contains("只读");
		assertThat(browser.findElements(By.cssSelector("[data-change]"))).as("rollback buttons").isEmpty();
		assertThat(browser.findElement(By.id("nav-deploy")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("export")).isDisplayed()).isFalse();
		page.goTo("#/deploy");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only"))).getText()).contains("只读");
		assertThat(browser.findElements(By.cssSelector("[data-change]"))).isEmpty();
		page.goTo("#/incidents");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incidents")));
		assertThat(browser.findElements(By.cssSelector("[data-change]"))).as("retry and resolve").isEmpty();
		assertThat(page.consoleErrors()).isEmpty();

		page.logIn("agent");
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(error.getText()).startsWith("没有权限使用流程管理页面").contains("管理层");
		assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
		assertThat(browser.findElements(By.cssSelector("section.definition"))).isEmpty();
	}

	private String open(String building, String unit, String category, String description) {
		return console.opened(cases.open(Reports.repair(building, unit, category, description)).record().caseNo());
	}

	private int version(String caseNo) {
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(RepairProcess.KEY)
				.processInstanceBusinessKey(caseNo).singleResult();
		return repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
	}

	private int latestProcessVersion(String key) {
		return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
				.getVersion();
	}

	private int latestDecisionVersion(String key) {
		return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
				.getVersion();
	}

}
