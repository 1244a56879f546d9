package com.propdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.propdesk.ApiClient;
import com.propdesk.AtDayShift;
import com.propdesk.PropDeskTest;
import com.propdesk.TestClock;
import com.propdesk.audit.AuditTrail;
import com.propdesk.security.DeploymentGuardPlugin;
import com.propdesk.sla.SlaClock;
import com.propdesk.sla.SlaNames;
import com.propdesk.sla.SlaService;

/**
 * The decision-table editor of {@code /manage/} in Debian's Chromium, one browser for the class: a manager changes the
 * P1 repair response in sla-policy from 15 to 10 minutes, tries it (the row and its output shown), deploys it through
 * the compare-and-note step, and the next P1 repair reported by a channel is due 10 minutes after its dispatch, with the
 * version and its note listed and the deployment in the audit trail; a table without its catch-all row finds no rule and
 * is flagged before deploying. Whatever a test deploys is deleted after it, so the repository's files are the latest again.
 */
@PropDeskTest
@AtDayShift
class DecisionEditorBrowserTests {

	@RegisterExtension
	static final ManageConsoleBrowser console = new ManageConsoleBrowser("edit-decision");

	private final WebDriver browser = console.browser();

	private final WebDriverWait wait = console.patiently();

	private final ManagePage page = console.page();

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	SlaService slas;

	@Autowired
	AuditTrail trail;

	@Autowired
	DeploymentGuardPlugin guard;

	@Test
	void managerShortensTheP1RepairResponseInTheTableTriesItDeploysItAndTheNextP1CaseIsDueSooner() throws Exception {
		int original = latestDecisionVersion("sla-policy");
		page.logIn("manager");
		long opened = openEditor("sla-policy");
		System.out.println("sla-policy opened in the decision editor in " + opened + " ms");
		assertThat(browser.findElement(By.id("edit-title")).getText()).contains("sla-policy");
		// the manager reads the table in Chinese
		assertThat(browser.findElement(By.id("decision-table")).getText()).contains("命中策略", "第一条（FIRST）");

		type(cell("Rule_02", "Output_Target"), "\"PT10M\"");
		type(annotation("Rule_02"), "维修响应 P1 10 分钟");

		// 试算: the edited table, not the deployed one
		choose("caseType", "repair");
		choose("sla", "repair-response");
		choose("priority", "P1");
		assertThat(browser.findElement(By.cssSelector("label[for='trial-input-sla']")).getText()).contains("时限");
		assertThat(new Select(browser.findElement(By.id("trial-input-sla"))).getFirstSelectedOption().getText()).contains("维修响应");
		browser.findElement(By.id("trial-submit")).click();
		WebElement match = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trial-match")));
		assertThat(match.getText()).contains("第 2 行（Rule_02）", "维修响应 P1 10 分钟");
		assertThat(browser.findElement(By.cssSelector("#trial-outputs dd[data-output='target']")).getText()).isEqualTo("PT10M");
		assertThat(browser.findElement(By.cssSelector("#trial-outputs dd[data-output='escalateTo']")).getText()).isEqualTo("duty-officer");
		assertThat(background(cell("Rule_02", "Output_Target"))).as("the matched row is highlighted").isEqualTo("rgba(255, 243, 196, 1)");
		assertThat(background(cell("Rule_03", "Output_Target"))).isNotEqualTo("rgba(255, 243, 196, 1)");
		console.chromium().saveScreenshot("edit-decision-trial");

		// deploy: validation, the guard's verdict and the comparison with the live version, then the note
		browser.findElement(By.id("edit-deploy")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getText()).isEqualTo("部署检查：允许");
		List<WebElement> rules = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
				By.cssSelector(".preview-comparison tr[data-rule]")));
		assertThat(rules).extracting(r -> r.getDomAttribute("data-rule")).as("exactly the edited rule changed").containsExactly("Rule_02");
		assertThat(rules.get(0).getText()).contains("\"PT15M\"", "\"PT10M\"");
		browser.findElement(By.id("deploy-note")).sendKeys("P1 维修响应缩短到 10 分钟（表格编辑器）");
		browser.findElement(By.id("deploy-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-result"),
				"已部署：决策表 sla-policy 第 " + (original + 1) + " 版"));
		assertThat(latestDecisionVersion("sla-policy")).isEqualTo(original + 1);

		// what the editor wrote keeps PropDesk's table: Camunda's attributes, FIRST, the catch-all last, the guard's consent
		String deployed = new String(repositoryService.getResourceAsStream(repositoryService.createDecisionDefinitionQuery()
				.decisionDefinitionKey("sla-policy").latestVersion().singleResult().getDeploymentId(), "sla-policy.dmn")
				.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(deployed).contains("camunda:historyTimeToLive=\"P1095D\"", "hitPolicy=\"FIRST\"", "\"PT10M\"")
				.containsPattern("(?s)<rule id=\"Rule_16\">.*</rule>\\s*</decisionTable>");
		assertThat(guard.guard().verdict(Map.of("sla-policy.dmn", deployed.getBytes(StandardCharsets.UTF_8)))).isEmpty();

		// done when: the next P1 repair reported by a channel is due 10 minutes after its dispatch
		TestClock.advance(Duration.ofMinutes(1));
		ApiClient.Answer reported = new ApiClient(page.port()).call("POST", "/api/cases", """
				{ "type": "repair", "channel": "wechat", "externalId": "wx-%s",
				  "reporter": {"name": "王女士", "phone": "13800000000"},
				  "building": "1", "unit": "1-1201", "category": "plumbing",
				  "description": "厨房水管爆裂，漏水严重", "callbackUrl": "http://127.0.0.1:9/hooks/case" }
				""".formatted(UUID.randomUUID()), "X-Api-Key", "demo");
		assertThat(reported.status()).as(String.valueOf(reported.body())).isEqualTo(201);
		assertThat(reported.body().path("priority").asText()).isEqualTo("P1");
		SlaClock response = slas.clock(reported.body().path("caseNo").asText(), SlaNames.REPAIR_RESPONSE).orElseThrow();
		assertThat(response.target()).isEqualTo("PT10M");
		assertThat(response.startedAt()).as("dispatched at once").isEqualTo(TestClock.DAY.plusMinutes(1));
		assertThat(response.dueAt()).isEqualTo(response.startedAt().plusMinutes(10));

		// the new version with its note in /manage/, the deployment in the audit trail
		page.goTo("#/");
		WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
				"section.definition[data-key='sla-policy'] tr[data-version='" + (original + 1) + "']")));
		assertThat(listed.getText()).contains("最新", "manager", "管理页面", "P1 维修响应缩短到 10 分钟（表格编辑器）");
		assertThat(trail.entries()).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo("manage");
			assertThat(entry.actor()).isEqualTo("manager");
			assertThat(entry.detail()).contains("决策表 sla-policy 第 " + (original + 1) + " 版", "P1 维修响应缩短到 10 分钟（表格编辑器）");
		});
		assertThat(page.consoleErrors()).as("script errors or refused loads in the page's console").isEmpty();
	}

	@Test
	void withoutItsCatchAllRowNoRuleMatchesAndTheTableIsFlaggedBeforeDeploying() throws Exception {
		int original = latestDecisionVersion("sla-policy");
		page.logIn("manager");
		openEditor("sla-policy");

		// the row's context menu, in Chinese
		new Actions(browser).contextClick(cell("Rule_16", "Output_Target")).perform();
		WebElement remove = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//*[contains(@class, 'context-menu')]//*[normalize-space(text())='删除规则']")));
		remove.click();
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("td[data-row-id='Rule_16']"), 0));

		choose("sla", "emergency-acknowledgement");
		choose("caseType", "inquiry");
		new Select(browser.findElement(By.id("trial-input-sla"))).selectByIndex(0);
		browser.findElement(By.id("trial-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trial-no-match"))).getText())
				.contains("没有规则命中", "兜底行");

		browser.findElement(By.id("edit-deploy")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-refused"))).getText()).contains("错误");
		WebElement problem = browser.findElement(By.cssSelector("#edit-problems li[data-source='lint'][data-level='error']"));
		assertThat(problem.getDomAttribute("data-element-id")).isEqualTo("Rule_15");
		assertThat(problem.getText()).contains("兜底行");
		assertThat(cell("Rule_15", "Output_Target").getCssValue("outline-color")).as("the row is marked in the table")
				.isEqualTo("rgba(192, 57, 43, 1)");
		assertThat(latestDecisionVersion("sla-policy")).as("nothing deployed").isEqualTo(original);
		assertThat(page.consoleErrors()).isEmpty();

		// the table was changed and not deployed: leaving asks first
		page.goTo("#/");
		Alert leave = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(leave.getText()).contains("还没有部署");
		leave.accept();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("definitions")));
	}

	@Test
	void everyDecisionTableOpensWithItsTryItFieldsAndPassesValidationAsExported() throws Exception {
		page.logIn("manager");
		Map<String, List<String>> inputs = Map.of("repair-triage", List.of("category", "description"), "sla-policy",
				List.of("caseType", "sla", "priority"), "complaint-tier", List.of("repeatComplaint", "category", "description"),
				"inquiry-triage", List.of("description"));
		for (String key : List.of("repair-triage", "sla-policy", "complaint-tier", "inquiry-triage")) {
			page.goTo("#/");
			openEditor(key);
			assertThat(browser.findElements(By.cssSelector("#trial-fields [data-input]")))
					.extracting(f -> f.getDomAttribute("data-input")).as(key).containsExactlyElementsOf(inputs.get(key));
			// what the editor writes back, unedited, passes the guard and PropDesk's rules for a table
			browser.findElement(By.id("edit-validate")).click();
			assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-valid"))).getText()).as(key)
					.contains("验证通过");
		}
		// still on inquiry-triage: its two columns read the owner's words, one field names both
		assertThat(browser.findElement(By.cssSelector("label[for='trial-input-description']")).getText())
				.contains("话题", "争议");
		browser.findElement(By.id("trial-input-description")).sendKeys("楼上装修把我家天花板泡了，谁负责赔？");
		browser.findElement(By.id("trial-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trial-match"))).getText())
				.contains("（Rule_01）", "装修、漏水");
		assertThat(browser.findElement(By.cssSelector("#trial-outputs dd[data-output='route']")).getText()).isEqualTo("specialist");
		assertThat(page.consoleErrors()).isEmpty();
	}

	/** Opens the table's editor from the versions page; answers how long the table took to show, in milliseconds. */
	private long openEditor(String key) {
		WebElement edit = wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-decision-" + key)));
		long start = System.nanoTime();
		edit.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decision-table td[data-row-id]")));
		// the try-it fields are built again once the codes' names have come
		wait.until(ExpectedConditions.attributeToBe(By.id("decision-trial"), "data-labels", "loaded"));
		return (System.nanoTime() - start) / 1_000_000;
	}

	private WebElement cell(String ruleId, String columnId) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
				"#decision-table td[data-row-id='" + ruleId + "'][data-col-id='" + columnId + "']")));
	}

	private WebElement annotation(String ruleId) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
				"#decision-table td.annotation[data-row-id='" + ruleId + "']")));
	}

	/** Replaces a cell's text as a person does: click into it, select everything, type, leave the cell. */
	private void type(WebElement cell, String text) {
		cell.click();
		WebElement editable = wait.until(d -> cell.findElement(By.cssSelector("[contenteditable='true']")));
		editable.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
		browser.findElement(By.cssSelector("#decision-trial h2")).click();
		wait.until(d -> cell.getText().contains(text));
	}

	private void choose(String input, String value) {
		new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("trial-input-" + input)))).selectByValue(value);
	}

	private String background(WebElement element) {
		return element.getCssValue("background-color");
	}

	private int latestDecisionVersion(String key) {
		return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
				.getVersion();
	}

}
