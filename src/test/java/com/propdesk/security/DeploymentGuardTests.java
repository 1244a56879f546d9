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

import com.fasterxml.jackson.databind.ObjectMapper;

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

	static final String BEAN = "camunda:delegateExpression='${dispatchTechnicianDelegate}'";

	static String form(String id, String components) {
		return """
				{"id": "%s", "type": "default", "schemaVersion": 16, "exporter": {"name": "Camunda Modeler", "version": "5.31.0"},
				 "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0", "components": [%s]}
				""".formatted(id, components);
	}

	final ExpressionPolicy policy = new ExpressionPolicy(java.util.Set.of("dispatchTechnicianDelegate"));

	static String process(String body) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
				    xmlns:evil="urn:evil" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://propdesk.com/test">
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
			"<bpmn:serviceTask id='s'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='p'><camunda:script scriptFormat='groovy' resource='deployment://x.groovy'/></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>|不允许脚本",
			"<bpmn:sequenceFlow id='f' sourceRef='start' targetRef='start'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='groovy'>true</bpmn:conditionExpression></bpmn:sequenceFlow>|language=\"groovy\" 不允许（不允许脚本）",
			"<bpmn:serviceTask id='s' camunda:class='java.lang.Runtime'/>|不允许 Java 类",
			"<bpmn:userTask id='u'><bpmn:extensionElements><camunda:taskListener class='com.evil.L' event='create'/></bpmn:extensionElements></bpmn:userTask>|不允许 Java 类",
			"<bpmn:userTask id='u' camunda:formKey='embedded:app:forms/evil.html'/>|嵌入式 HTML 表单",
			"<bpmn:serviceTask id='s' camunda:expression='${execution.processEngineServices.runtimeService}'/>|不得访问引擎对象 execution",
			"<bpmn:serviceTask id='s' camunda:expression='${name.getClass().getName()}'/>|不得调用方法",
			"<bpmn:serviceTask id='s' camunda:delegateExpression='${dispatchTechnicianDelegate.registry}'/>|只能整体引用",
			"<bpmn:serviceTask id='s'><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>|不允许连接器" })
	void unsafeDiagramsAreRefused(String body, String reason) {
		refused("guarded.bpmn", process(body), reason);
	}

	/**
	 * Every payload family of the attack report, written once with {@code NS} standing for the namespace
	 * prefix: each runs with {@code camunda:} and with the legacy {@code activiti:}, which the engine reads
	 * as if it were Camunda's. The reason names the attribute or element the way the deployer wrote it.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"shell task|<bpmn:serviceTask id='s' NS:type='shell'><bpmn:extensionElements><NS:field name='command' stringValue='id'/><NS:field name='wait' stringValue='true'/><NS:field name='outputVariable' stringValue='out'/></bpmn:extensionElements></bpmn:serviceTask>|NS:type",
			"timer-started shell task|<bpmn:startEvent id='timer'><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id='f' sourceRef='timer' targetRef='s'/><bpmn:serviceTask id='s' NS:type='shell'><bpmn:extensionElements><NS:field name='command' stringValue='id'/></bpmn:extensionElements></bpmn:serviceTask>|元素 s（bpmn:serviceTask）的属性 NS:type",
			"mail task|<bpmn:sendTask id='s' NS:type='mail'><bpmn:extensionElements><NS:field name='to' stringValue='a@example.com'/><NS:field name='text' stringValue='x'/></bpmn:extensionElements></bpmn:sendTask>|NS:type",
			"external task|<bpmn:serviceTask id='s' NS:type='external' NS:topic='t'/>|NS:type",
			"class on service task|<bpmn:serviceTask id='s' NS:class='org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior'/>|NS:class",
			"class on message end event|<bpmn:endEvent id='e'><bpmn:messageEventDefinition id='m' NS:class='com.evil.Send'/></bpmn:endEvent>|NS:class",
			"execution listener class|<bpmn:serviceTask id='s' " + BEAN + "><bpmn:extensionElements><NS:executionListener class='com.evil.L' event='start'/></bpmn:extensionElements></bpmn:serviceTask>|NS:executionListener",
			"execution listener expression|<bpmn:serviceTask id='s' " + BEAN + "><bpmn:extensionElements><NS:executionListener expression='${caseNo}' event='start'/></bpmn:extensionElements></bpmn:serviceTask>|NS:executionListener",
			"task listener class|<bpmn:userTask id='u'><bpmn:extensionElements><NS:taskListener class='com.evil.L' event='create'/></bpmn:extensionElements></bpmn:userTask>|NS:taskListener",
			"variable mapping class|<bpmn:callActivity id='c' calledElement='repair' NS:variableMappingClass='com.evil.Mapping'/>|NS:variableMappingClass",
			"embedded form key|<bpmn:userTask id='u' NS:formKey='embedded:app:forms/evil.html'/>|NS:formKey",
			"form handler class|<bpmn:userTask id='u' NS:formHandlerClass='org.camunda.bpm.engine.impl.form.handler.DefaultTaskFormHandler'/>|NS:formHandlerClass",
			"generated form with validator class|<bpmn:userTask id='u'><bpmn:extensionElements><NS:formData><NS:formField id='f' type='string'><NS:validation><NS:constraint name='validator' config='com.evil.V'/></NS:validation></NS:formField></NS:formData></bpmn:extensionElements></bpmn:userTask>|NS:formData",
			"script listener|<bpmn:serviceTask id='s' " + BEAN + "><bpmn:extensionElements><NS:executionListener event='start'><NS:script scriptFormat='javascript'>1</NS:script></NS:executionListener></bpmn:extensionElements></bpmn:serviceTask>|NS:script",
			"script resource in a mapping|<bpmn:serviceTask id='s' " + BEAN + "><bpmn:extensionElements><NS:inputOutput><NS:inputParameter name='p'><NS:script scriptFormat='groovy' resource='deployment://x.groovy'/></NS:inputParameter></NS:inputOutput></bpmn:extensionElements></bpmn:serviceTask>|NS:script",
			"connector|<bpmn:serviceTask id='s'><bpmn:extensionElements><NS:connector><NS:connectorId>http-connector</NS:connectorId></NS:connector></bpmn:extensionElements></bpmn:serviceTask>|NS:connector",
			"unknown attribute in the namespace|<bpmn:serviceTask id='s' " + BEAN + " NS:somethingNew='x'/>|NS:somethingNew",
			"delegate expression that is no PropDesk bean|<bpmn:serviceTask id='s' NS:delegateExpression='${caseNo}'/>|NS:delegateExpression",
			"reflection in an expression|<bpmn:serviceTask id='s' NS:expression='${caseNo.class.classLoader}'/>|NS:expression" })
	void attackFamiliesAreRefusedInEveryNamespace(String family, String body, String reason) {
		for (String prefix : new String[] { "camunda", "activiti" }) {
			String diagram = process(body.replace("NS:", prefix + ":"));
			if (body.contains("timerEventDefinition")) {
				// started by its timer alone: nobody needs a start permission
				diagram = diagram.replace("<bpmn:startEvent id=\"start\"/>", "");
			}
			refused("guarded.bpmn", diagram, reason.replace("NS:", prefix + ":"));
		}
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = {
			"<bpmn:serviceTask id='s' " + BEAN + " evil:class='com.evil.X'/>|evil:class",
			"<bpmn:serviceTask id='s' " + BEAN + "><bpmn:extensionElements><evil:anything/></bpmn:extensionElements></bpmn:serviceTask>|evil:anything",
			"<evil:serviceTask id='s' " + BEAN + "/>|evil:serviceTask",
			"<bpmn:serviceTask id='s' " + BEAN + " implementation='##WebService'/>|implementation",
			"<bpmn:userTask id='u'><bpmn:potentialOwner><bpmn:resourceAssignmentExpression><bpmn:formalExpression>group(x)</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:potentialOwner></bpmn:userTask>|bpmn:potentialOwner",
			"<bpmn:serviceTask id='s' camunda:expression='${caseNo.class.classLoader}'/>|反射属性 class",
			"<bpmn:serviceTask id='s' camunda:expression='${caseNo.declaringClass}'/>|反射属性 declaringClass",
			"<bpmn:serviceTask id='s' camunda:expression='${triage.module.layer}'/>|反射属性 module",
			"<bpmn:serviceTask id='s' camunda:expression='${x.protectionDomain.codeSource}'/>|反射属性 protectionDomain" })
	void anythingNotOnTheAllowListIsRefused(String body, String reason) {
		refused("guarded.bpmn", process(body), reason);
	}

	@Test
	void anOrdinaryModelerDiagramDeploys() {
		String diagram = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0"
				    xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0"
				    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0"
				    modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
				  <bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1" processRef="modeled"/></bpmn:collaboration>
				  <bpmn:process id="modeled" name="演示" isExecutable="true" camunda:historyTimeToLive="P1D" camunda:versionTag="1">
				    <bpmn:laneSet id="LaneSet_1"><bpmn:lane id="Lane_Desk" name="客服"><bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
				    <bpmn:startEvent id="StartEvent_1" camunda:asyncBefore="true"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Check"/>
				    <bpmn:userTask id="Task_Check" name="检查" camunda:candidateGroups="service-desk" camunda:formRef="repair-classify"
				        camunda:formRefBinding="latest" camunda:dueDate="${dueAt}">
				      <bpmn:documentation>说明</bpmn:documentation>
				      <bpmn:extensionElements>
				        <camunda:taskListener delegateExpression="${assignTechnicianListener}" event="complete"/>
				        <camunda:inputOutput><camunda:inputParameter name="sla">repair-response</camunda:inputParameter></camunda:inputOutput>
				        <camunda:properties><camunda:property name="hint" value="x"/></camunda:properties>
				      </bpmn:extensionElements>
				    </bpmn:userTask>
				    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="End_1"/>
				    <bpmn:endEvent id="End_1"/>
				    <bpmn:textAnnotation id="Note_1"><bpmn:text>备注</bpmn:text></bpmn:textAnnotation>
				    <bpmn:association id="Association_1" sourceRef="Task_Check" targetRef="Note_1"/>
				  </bpmn:process>
				  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
				    <bpmndi:BPMNShape id="Shape_Task" bpmnElement="Task_Check" bioc:stroke="#831311" bioc:fill="#ffcdd2"
				        color:background-color="#ffcdd2" color:border-color="#831311"><dc:Bounds x="1" y="2" width="100" height="80"/>
				      <bpmndi:BPMNLabel><dc:Bounds x="1" y="2" width="3" height="4"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>
				    <bpmndi:BPMNEdge id="Edge_1" bpmnElement="Flow_1"><di:waypoint x="1" y="2"/><di:waypoint x="3" y="4"/></bpmndi:BPMNEdge>
				  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
				</bpmn:definitions>
				""";
		String deployment = repositoryService.createDeployment().name("modeled")
				.addInputStream("modeled.bpmn", new ByteArrayInputStream(diagram.getBytes(StandardCharsets.UTF_8))).deploy().getId();
		repositoryService.deleteDeployment(deployment, true);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"html component|{\"type\": \"html\", \"id\": \"h\", \"content\": \"<img src=x onerror=alert(1)>\"}|组件类型 html 不允许",
			"iframe component|{\"type\": \"iframe\", \"id\": \"i\", \"url\": \"https://evil.example\"}|组件类型 iframe 不允许",
			"image with an external source|{\"type\": \"image\", \"id\": \"i\", \"source\": \"https://evil.example/p.png\"}|组件类型 image 不允许",
			"markdown with raw html|{\"type\": \"text\", \"id\": \"t\", \"text\": \"### 标题\\n<script>alert(1)</script>\"}|不允许 HTML 标记",
			"markdown img onerror|{\"type\": \"text\", \"id\": \"t\", \"text\": \"<img src=x onerror=alert(document.cookie)>\"}|不允许 HTML 标记",
			"markdown tag from entities|{\"type\": \"text\", \"id\": \"t\", \"text\": \"&#60;img src=x onerror=alert(1)&#62;\"}|不允许 HTML 标记",
			"markdown javascript link|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[点我](javascript:alert(1))\"}|javascript:",
			"link from a decimal reference|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](&#106;avascript:alert(1))\"}|实体",
			"link from a hex reference|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](&#x6A;avascript:alert(1))\"}|实体",
			"link from a reference without semicolon|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](&#106avascript:alert(1))\"}|实体",
			"link with a named colon|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](javascript&colon;alert(1))\"}|实体",
			"link with a named tab|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](java&Tab;script:alert(1))\"}|实体",
			"link with an escaped colon|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](javascript\\\\:alert(1))\"}|javascript:",
			"link split by a tab|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](java\\tscript:alert(1))\"}|javascript:",
			"link split by a zero-width space|{\"type\": \"text\", \"id\": \"t\", \"text\": \"[a](java\\u200Bscript:alert(1))\"}|javascript:",
			"external markdown image|{\"type\": \"text\", \"id\": \"t\", \"text\": \"![x](http://evil.example/x.png)\"}|不允许图片",
			"prototype key|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"__proto__.polluted\", \"label\": \"x\"}|key 只能是",
			"constructor path|{\"type\": \"group\", \"id\": \"g\", \"path\": \"constructor\", \"components\": []}|path 不能是",
			"dotted key|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"a.b\", \"label\": \"x\"}|key 只能是",
			"markup in a label|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"label\": \"<img src=x onerror=alert(1)>\"}|属性 label 不允许 HTML",
			"markup in a description|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"description\": \"<b>x</b>\"}|属性 description 不允许 HTML",
			"text as a template of variables|{\"type\": \"text\", \"id\": \"t\", \"text\": \"{{description}}\"}|模板",
			"a label that computes|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"label\": \"=string(count(for i in 1..100000000 return i))\"}|属性 label 不允许 FEEL",
			"a hiding condition that computes|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"label\": \"x\", \"conditional\": {\"hide\": \"=count(for i in 1..100000000 return i) > 0\"}}|隐藏条件",
			"options from an expression|{\"type\": \"select\", \"id\": \"s\", \"key\": \"x\", \"label\": \"x\", \"valuesExpression\": \"=for i in 1..100000000 return i\"}|属性 valuesExpression 不允许 FEEL",
			"unknown component type|{\"type\": \"dynamiclist\", \"id\": \"d\"}|组件类型 dynamiclist 不允许",
			"unknown property|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"label\": \"x\", \"onClick\": \"alert(1)\"}|属性 onClick 不允许",
			"unknown nested property|{\"type\": \"textfield\", \"id\": \"f\", \"key\": \"x\", \"validate\": {\"custom\": \"x\"}}|属性 custom 不允许" })
	void unsafeFormsAreRefused(String family, String component, String reason) {
		refused("guarded-form.form", form("guarded-form", component), reason);
	}

	@Test
	void formsMustBeJsonAndCarryTheirFileNameAsId() {
		refused("guarded-form.form", "{not json", "不是有效的 JSON");
		refused("guarded-form.form", form("another-id", ""), "表单 id 必须等于文件名 guarded-form");
		refused("guarded-form.form", "{\"id\": \"guarded-form\", \"id\": \"x\", \"type\": \"default\"}", "不是有效的 JSON");
		refused("guarded-form.form", form("guarded-form", "") + " {}", "不是有效的 JSON");
	}

	@Test
	void everyAllowedComponentTypeDeploys() {
		String components = String.join(",", "{\"type\": \"textfield\", \"id\": \"a\", \"key\": \"a\", \"label\": \"甲\", \"validate\": {\"required\": true}}",
				"{\"type\": \"textarea\", \"id\": \"b\", \"key\": \"b\", \"label\": \"乙\"}",
				"{\"type\": \"number\", \"id\": \"c\", \"key\": \"c\", \"decimalDigits\": 0}",
				"{\"type\": \"datetime\", \"id\": \"d\", \"key\": \"d\", \"subtype\": \"date\", \"dateLabel\": \"日期\"}",
				"{\"type\": \"select\", \"id\": \"e\", \"key\": \"e\", \"values\": [{\"label\": \"是\", \"value\": \"yes\"}]}",
				"{\"type\": \"radio\", \"id\": \"f\", \"key\": \"f\", \"values\": [{\"label\": \"是\", \"value\": \"yes\"}]}",
				"{\"type\": \"checkbox\", \"id\": \"g\", \"key\": \"g\", \"conditional\": {\"hide\": \"=a = null\"}}",
				"{\"type\": \"checklist\", \"id\": \"h\", \"key\": \"h\", \"valuesKey\": \"options\"}",
				"{\"type\": \"taglist\", \"id\": \"i\", \"key\": \"i\", \"values\": []}",
				"{\"type\": \"group\", \"id\": \"j\", \"label\": \"组\", \"components\": [{\"type\": \"separator\", \"id\": \"k\"}]}",
				"{\"type\": \"spacer\", \"id\": \"l\", \"height\": 30}",
				"{\"type\": \"text\", \"id\": \"m\", \"text\": \"### 说明\\n**注意** 面积 < 100 平方米时 [规定](https://example.com)\"}");
		String deployment = repositoryService.createDeployment().name("guarded-form")
				.addString("guarded-form.form", form("guarded-form", components)).deploy().getId();
		repositoryService.deleteDeployment(deployment, true);
	}

	@Test
	void oversizedResourcesAndDeploymentsAreRefusedNamingTheCap() {
		refused("guarded-form.form", form("guarded-form",
				"{\"type\": \"text\", \"id\": \"t\", \"text\": \"" + "字".repeat(200_000) + "\"}"), "超过单个文件上限 512 KB");
		refused("guarded.bpmn", process("<bpmn:endEvent id='end'><bpmn:documentation>" + "x".repeat(3 * 1024 * 1024)
				+ "</bpmn:documentation></bpmn:endEvent>"), "超过单个文件上限 512 KB");

		long before = repositoryService.createDeploymentQuery().count();
		var builder = repositoryService.createDeployment().name("guarded-many");
		for (int i = 0; i < 5; i++) {
			builder.addString("guarded-many-" + i + ".form", form("guarded-many-" + i,
					"{\"type\": \"text\", \"id\": \"t\", \"text\": \"" + "x".repeat(450 * 1024) + "\"}"));
		}
		assertThatThrownBy(builder::deploy).hasMessageContaining("整个部署").hasMessageContaining("超过上限 2048 KB");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
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

	private HttpResponse<String> deployThroughRest(String user, String fileName, String content) throws Exception {
		String boundary = "----propdesk";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
				+ content + "\r\n--" + boundary + "--\r\n";
		return HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void modelerDeploymentOfAShellTaskAnswers400WithTheReason() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		HttpResponse<String> response = deployThroughRest("manager", "evil.bpmn",
				process("<bpmn:serviceTask id='s' activiti:type='shell'><bpmn:extensionElements><activiti:field name='command' stringValue='id'/></bpmn:extensionElements></bpmn:serviceTask>"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new ObjectMapper().readTree(response.body()).path("message").asText())
				.contains("部署被拒绝", "evil.bpmn", "元素 s（bpmn:serviceTask）", "activiti:type");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	/**
	 * A manager's diagram that publishes a monthly report, records a handover's acknowledgement or saves a round's log
	 * on a timer would skip the review, the second person or the round's checks those steps rely on.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "publishMonthlyReport", "recordAcknowledgement", "saveRoundWorkLog", "planPreventiveDuty",
			"sendOwnerSms", "recordSlaBreach" })
	void aPersonsDiagramMayNotNameAStepOfPropDesksInternalProcesses(String step) throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		HttpResponse<String> response = deployThroughRest("manager", "evil-publish.bpmn", process("""
				<bpmn:serviceTask id="s" name="发布" camunda:delegateExpression="${%s}"/>""".formatted(step)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(new ObjectMapper().readTree(response.body()).path("message").asText())
				.contains("部署被拒绝", "evil-publish.bpmn", "${" + step + "} 是 PropDesk 内部流程的步骤");
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void modelerDeploymentOfASafeDiagramSucceeds() throws Exception {
		HttpResponse<String> response = deployThroughRest("manager", "guarded.bpmn", process("""
				<bpmn:serviceTask id="s" camunda:delegateExpression="${dispatchTechnicianDelegate}"/>"""));

		assertThat(response.statusCode()).isEqualTo(200);
		repositoryService.deleteDeployment(new ObjectMapper().readTree(response.body()).path("id").asText(), true);
	}

	/** Sends the request head (and a chunked body from another thread), reads the status line. */
	private String statusOfUpload(String lengthHeader, boolean chunkedBody) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(15_000);
			var out = socket.getOutputStream();
			out.write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("manager")
					+ "\r\nContent-Type: multipart/form-data; boundary=x\r\n" + lengthHeader + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			if (chunkedBody) {
				Thread sender = new Thread(() -> {
					byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
					try {
						for (int i = 0; i < 30 * 16; i++) {
							out.write(chunk);
						}
					}
					catch (java.io.IOException closed) {
						// the server answered and closed: what the test expects
					}
				});
				sender.setDaemon(true);
				sender.start();
			}
			var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			return in.readLine();
		}
	}

	@Test
	void uploadsLargerThanTheLimitAreRefusedBeforeTheyAreRead() throws Exception {
		long before = repositoryService.createDeploymentQuery().count();
		// announced as 30 MB: answered from the head alone, no byte of the body is sent
		assertThat(statusOfUpload("Content-Length: " + 30 * 1024 * 1024, false)).startsWith("HTTP/1.1 413");
		// chunked, 30 MB without a length: refused once the limit is passed
		assertThat(statusOfUpload("Transfer-Encoding: chunked", true)).startsWith("HTTP/1.1 413");
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
