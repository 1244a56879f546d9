package com.propdesk.security;

import static com.propdesk.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.propdesk.PropDeskTest;

/** Every kind of deployment that could run code is refused with its reason, and nothing of it is deployed. */
@PropDeskTest
class DeploymentGuardTests {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@LocalServerPort
	int port;

	final ExpressionPolicy policy = new ExpressionPolicy(java.util.Set.of("dispatchTechnicianDelegate"));

	static String process(String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://propdesk.com/test">
				  <bpmn:process id="guarded" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    %s
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(body);
	}

	static String decision(String attributes) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="d" name="d" namespace="http://propdesk.com/test" %s>
				  <decision id="guarded-decision" name="d" camunda:historyTimeToLive="P1D">
				    <decisionTable id="t"><input id="i"><inputExpression id="e" typeRef="string"><text>x</text></inputExpression></input>
				      <output id="o" name="y" typeRef="string"/></decisionTable>
				  </decision>
				</definitions>
				""".formatted(attributes);
	}

	private void refused(String resource, String content, String reason) {
		long before = repositoryService.createDeploymentQuery().count();
		assertThatThrownBy(() -> repositoryService.createDeployment().name("guarded")
				.addInputStream(resource, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).deploy())
				.isInstanceOf(ProcessEngineException.class).hasMessageContaining("部署被拒绝").hasMessageContaining(reason);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = {
			"<bpmn:scriptTask id='s' scriptFormat='groovy'><bpmn:script>1</bpmn:script></bpmn:scriptTask>|不允许脚本",
			"<bpmn:serviceTask id='s'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='javascript'>1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:serviceTask>|不允许脚本",
			"<bpmn:serviceTask id='s'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='p'><camunda:script scriptFormat='groovy' resource='deployment://x.groovy'/></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>|不允许 camunda:resource",
			"<bpmn:sequenceFlow id='f' sourceRef='start' targetRef='start'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='groovy'>true</bpmn:conditionExpression></bpmn:sequenceFlow>|条件不得使用脚本语言",
			"<bpmn:serviceTask id='s' camunda:class='java.lang.Runtime'/>|不允许 camunda:class",
			"<bpmn:userTask id='u'><bpmn:extensionElements><camunda:taskListener class='com.evil.L' event='create'/></bpmn:extensionElements></bpmn:userTask>|不允许 camunda:class",
			"<bpmn:userTask id='u' camunda:formKey='embedded:app:forms/evil.html'/>|不允许嵌入式 HTML 表单",
			"<bpmn:serviceTask id='s' camunda:expression='${execution.processEngineServices.runtimeService}'/>|不得访问引擎对象 execution",
			"<bpmn:serviceTask id='s' camunda:expression='${name.getClass().getName()}'/>|不得调用方法",
			"<bpmn:serviceTask id='s' camunda:delegateExpression='${dispatchTechnicianDelegate.registry}'/>|只能整体引用",
			"<bpmn:serviceTask id='s'><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>|不允许连接器" })
	void unsafeDiagramsAreRefused(String body, String reason) {
		refused("guarded.bpmn", process(body), reason);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "$<!-- -->{''.getClass().getName() != null}", "$<![CDATA[{''.getClass().getName() != null}]]>",
			"$<?pi x?>{''.getClass().getName() != null}" })
	void expressionSplitByACommentCdataOrInstructionIsStillChecked(String condition) {
		refused("guarded.bpmn", process("""
				<bpmn:sequenceFlow id="f" sourceRef="start" targetRef="start">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
				</bpmn:sequenceFlow>""".formatted(condition)), "不");
	}

	@Test
	void processWithoutHistoryTimeToLiveIsRefused() {
		refused("guarded.bpmn", process("").replace(" camunda:historyTimeToLive=\"P1D\"", ""), "缺少 camunda:historyTimeToLive");
	}

	@ParameterizedTest
	@ValueSource(strings = { "expressionLanguage=\"javascript\"", "expressionLanguage=\"juel\"" })
	void decisionTablesOnlySpeakFeel(String language) {
		refused("guarded.dmn", decision(language), "只允许 FEEL");
	}

	@Test
	void casePlansAndHtmlAreRefused() {
		refused("guarded.cmmn", "<definitions/>", "只允许部署 BPMN");
		refused("evil.html", "<script>alert(1)</script>", "只允许部署 BPMN");
		refused("guarded.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", "不是有效的 XML");
	}

	@Test
	void unsafeDeploymentThroughTheRestApiIsRefusedWithItsReason() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		String boundary = "----propdesk";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\nContent-Type: application/xml\r\n\r\n"
				+ process("<bpmn:scriptTask id='s' scriptFormat='groovy'><bpmn:script>1</bpmn:script></bpmn:scriptTask>")
				+ "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization", basic("admin")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(response.body()).contains("部署被拒绝", "不允许脚本");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void expressionsAllowedAreBeanReferencesAndPlainVariableComparisons() {
		assertThat(policy.check("${dispatchTechnicianDelegate}")).isEmpty();
		assertThat(policy.check("${repairOutcome == 'done'}")).isEmpty();
		assertThat(policy.check("${triage.decided}")).isEmpty();
		assertThat(policy.check("${!lifeSafety && technician != null}")).isEmpty();
		assertThat(policy.check("${taskPriority}")).isEmpty();
		assertThat(policy.check("${x[y]}")).isNotEmpty();
		assertThat(policy.check("${execution}")).isNotEmpty();
		assertThat(policy.check("${not valid")).isNotEmpty();
	}

	@Test
	void expressionsSeeOnlyPropDesksDelegatesNotOtherBeans() {
		// "cases" is the case service's bean name: to a diagram it is only ever a process variable
		String diagram = process("""
				<bpmn:sequenceFlow id="toGateway" sourceRef="start" targetRef="gateway"/>
				<bpmn:exclusiveGateway id="gateway" default="toHidden"/>
				<bpmn:sequenceFlow id="toHidden" sourceRef="gateway" targetRef="hidden"/>
				<bpmn:sequenceFlow id="toVisible" sourceRef="gateway" targetRef="visible">
				  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${cases != null}</bpmn:conditionExpression>
				</bpmn:sequenceFlow>
				<bpmn:endEvent id="hidden"/>
				<bpmn:endEvent id="visible"/>""");
		String deployment = repositoryService.createDeployment().name("guarded")
				.addInputStream("guarded.bpmn", new ByteArrayInputStream(diagram.getBytes(StandardCharsets.UTF_8))).deploy()
				.getId();
		try {
			assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("guarded", Map.of()))
					.hasMessageContaining("Cannot resolve identifier 'cases'");
			assertThat(runtimeService.startProcessInstanceByKey("guarded", Map.of("cases", "a variable")).isEnded()).isTrue();
		}
		finally {
			repositoryService.deleteDeployment(deployment, true);
		}
	}

}
