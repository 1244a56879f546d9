package com.propdesk.security;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * What a BPMN diagram may contain, as an allow-list: the BPMN 2.0 elements that PropDesk's diagrams and
 * ordinary Camunda Modeler diagrams use, and the Camunda extensions that run no code of their own. Anything
 * else — in any namespace, the legacy {@code http://activiti.org/bpmn} included, which the engine reads as
 * if it were Camunda's — is refused, naming the element and the attribute.
 */
final class BpmnAllowList {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";

	static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

	static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final String ACTIVITI = "http://activiti.org/bpmn";

	static final String MODELER = "http://camunda.org/schema/modeler/1.0";

	static final String BIOC = "http://bpmn.io/schema/bpmn/biocolor/1.0";

	static final String COLOR = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";

	static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	static final String XMLNS = "http://www.w3.org/2000/xmlns/";

	/**
	 * Elements by namespace. Left out on purpose: script tasks and scripts, transactions, BPMN resource
	 * assignment expressions (humanPerformer, potentialOwner), io specifications and imports, complex gateways,
	 * data association transformations; in the Camunda namespace connectors, fields (injected into shared
	 * beans or shell commands), generated forms ({@code formData}) and the external task error definition.
	 */
	static final Map<String, Set<String>> ELEMENTS = Map.of(
			BPMN, Set.of("definitions", "process", "collaboration", "participant", "messageFlow", "laneSet", "lane",
					"childLaneSet", "flowNodeRef", "documentation", "extensionElements", "startEvent", "endEvent",
					"intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "timerEventDefinition",
					"timeDate", "timeDuration", "timeCycle", "messageEventDefinition", "signalEventDefinition",
					"errorEventDefinition", "escalationEventDefinition", "conditionalEventDefinition", "condition",
					"compensateEventDefinition", "terminateEventDefinition", "linkEventDefinition", "userTask",
					"serviceTask", "sendTask", "receiveTask", "businessRuleTask", "callActivity", "manualTask", "task",
					"subProcess", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
					"sequenceFlow", "conditionExpression", "incoming", "outgoing", "textAnnotation", "text",
					"association", "group", "category", "categoryValue", "message", "signal", "error", "escalation",
					"dataObject", "dataObjectReference", "dataStoreReference", "dataInputAssociation",
					"dataOutputAssociation", "sourceRef", "targetRef", "property", "multiInstanceLoopCharacteristics",
					"loopCardinality", "completionCondition"),
			BPMN_DI, Set.of("BPMNDiagram", "BPMNPlane", "BPMNShape", "BPMNEdge", "BPMNLabel", "BPMNLabelStyle"),
			DC, Set.of("Bounds", "Font"),
			DI, Set.of("waypoint"),
			CAMUNDA, Set.of("inputOutput", "inputParameter", "outputParameter", "list", "map", "entry", "value",
					"properties", "property", "failedJobRetryTimeCycle", "taskListener", "executionListener", "in",
					"out"));

	/** Attributes without a namespace on BPMN, DI and DC elements. */
	static final Set<String> BPMN_ATTRIBUTES = Set.of("id", "name", "isExecutable", "targetNamespace", "exporter",
			"exporterVersion", "sourceRef", "targetRef", "default", "attachedToRef", "cancelActivity", "isInterrupting",
			"parallelMultiple", "messageRef", "signalRef", "errorRef", "escalationRef", "errorCode", "escalationCode",
			"calledElement", "triggeredByEvent", "isForCompensation", "activityRef", "waitForCompletion", "isSequential",
			"processRef", "gatewayDirection", "eventGatewayType", "instantiate", "associationDirection", "textFormat",
			"itemSubjectRef", "isCollection", "dataObjectRef", "dataStoreRef", "categoryValueRef", "value", "isClosed",
			"isHorizontal", "bpmnElement", "isMarkerVisible", "isExpanded", "messageVisibleKind", "sourceElement",
			"targetElement", "labelStyle", "x", "y", "width", "height", "size", "isBold", "isItalic", "isUnderline",
			"isStrikeThrough");

	/** {@code camunda:*} attributes on BPMN elements; {@code delegateExpression} only as a PropDesk bean. */
	static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("delegateExpression", "expression", "resultVariable",
			"formRef", "formRefBinding", "formRefVersion", "candidateGroups", "candidateUsers", "assignee", "dueDate",
			"followUpDate", "priority", "asyncBefore", "asyncAfter", "async", "exclusive", "jobPriority",
			"historyTimeToLive", "versionTag", "isStartableInTasklist", "candidateStarterGroups",
			"candidateStarterUsers", "initiator", "decisionRef", "decisionRefBinding", "decisionRefVersion",
			"decisionRefVersionTag", "decisionRefTenantId", "mapDecisionResult", "calledElementBinding",
			"calledElementVersion", "calledElementVersionTag", "calledElementTenantId", "errorCodeVariable",
			"errorMessageVariable", "escalationCodeVariable", "errorMessage", "collection", "elementVariable",
			"variableName", "variableEvents", "modelerTemplate", "modelerTemplateVersion", "modelerTemplateIcon");

	/** Attributes without a namespace on Camunda's extension elements; listeners only as a PropDesk bean. */
	static final Map<String, Set<String>> CAMUNDA_ELEMENT_ATTRIBUTES = Map.ofEntries(
			Map.entry("taskListener", Set.of("event", "delegateExpression", "id")),
			Map.entry("executionListener", Set.of("event", "delegateExpression")),
			Map.entry("inputParameter", Set.of("name")), Map.entry("outputParameter", Set.of("name")),
			Map.entry("entry", Set.of("key")), Map.entry("property", Set.of("id", "name", "value")),
			Map.entry("in", Set.of("source", "sourceExpression", "target", "variables", "local", "businessKey")),
			Map.entry("out", Set.of("source", "sourceExpression", "target", "variables", "local")));

	static final Set<String> MODELER_ATTRIBUTES = Set.of("executionPlatform", "executionPlatformVersion");

	static final Set<String> COLOR_ATTRIBUTES = Set.of("stroke", "fill", "background-color", "border-color", "color");

	static final Pattern COLOR_VALUE = Pattern.compile("#[0-9A-Fa-f]{3,8}|[a-zA-Z]{1,20}|rgba?\\([0-9.,% ]{1,40}\\)");

	static final Pattern FORMAL_EXPRESSION = Pattern.compile("([A-Za-z_][\\w.-]*:)?tFormalExpression");

	private final ExpressionPolicy expressions;

	private final CaseProcesses caseProcesses;

	BpmnAllowList(ExpressionPolicy expressions, CaseProcesses caseProcesses) {
		this.expressions = expressions;
		this.caseProcesses = caseProcesses;
	}

	void check(Document document, Reasons problems) {
		for (Element process : XmlResources.elements(document, BPMN, "process")) {
			if ("true".equals(process.getAttribute("isExecutable"))
					&& process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
				problems.add(process.getAttribute("id"), "流程 " + process.getAttribute("id") + " 缺少 camunda:historyTimeToLive");
			}
		}
		for (Element call : XmlResources.elements(document, BPMN, "callActivity")) {
			checkCalledElement(call, problems);
		}
		XmlResources.visit(document.getDocumentElement(), element -> {
			checkElement(element, problems);
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				checkAttribute(element, (Attr) attributes.item(i), problems);
			}
			XmlResources.checkText(element, expressions, problems);
		});
	}

	/**
	 * A call activity starts another process with the caller's variables. It may call a case type by its key,
	 * never one of PropDesk's internal processes (which PropDesk starts only from its own code, for the case
	 * it belongs to), and never a process chosen by an expression at run time, which the guard cannot see.
	 */
	private void checkCalledElement(Element call, Reasons problems) {
		String called = call.getAttribute("calledElement").trim();
		if (called.contains("${") || called.contains("#{")) {
			problems.at(call, "的 calledElement=\"" + XmlResources.shorten(called)
					+ "\" 不允许（调用活动只能写明要调用的事项流程，不能用表达式）");
		}
		else if (!caseProcesses.keys().contains(called)) {
			problems.at(call, "的 calledElement=\"" + XmlResources.shorten(called)
					+ "\" 不允许（调用活动只能调用事项流程：" + String.join("、", caseProcesses.keys().stream().sorted().toList())
					+ "；PropDesk 内部流程只由 PropDesk 自己启动）");
		}
	}

	private static void checkElement(Element element, Reasons problems) {
		String namespace = element.getNamespaceURI();
		Set<String> allowed = namespace == null ? null : ELEMENTS.get(namespace);
		if (allowed == null || !allowed.contains(element.getLocalName())) {
			problems.at(element, " 不在允许范围内" + elementReason(element.getLocalName())
					+ namespaceReason(namespace));
		}
	}

	private void checkAttribute(Element element, Attr attribute, Reasons problems) {
		String namespace = attribute.getNamespaceURI();
		String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		String value = attribute.getValue();
		if (XMLNS.equals(namespace)) {
			return;
		}
		boolean allowed;
		if (namespace == null) {
			allowed = CAMUNDA.equals(element.getNamespaceURI())
					? CAMUNDA_ELEMENT_ATTRIBUTES.getOrDefault(element.getLocalName(), Set.of()).contains(local)
					: BPMN_ATTRIBUTES.contains(local);
			if (allowed && CAMUNDA.equals(element.getNamespaceURI()) && "delegateExpression".equals(local)) {
				beanReference(element, attribute, problems);
			}
		}
		else if (CAMUNDA.equals(namespace)) {
			allowed = CAMUNDA_ATTRIBUTES.contains(local) && BPMN.equals(element.getNamespaceURI());
			if (allowed && "delegateExpression".equals(local)) {
				beanReference(element, attribute, problems);
			}
		}
		else if (XSI.equals(namespace)) {
			allowed = "type".equals(local) && FORMAL_EXPRESSION.matcher(value).matches();
		}
		else if (MODELER.equals(namespace)) {
			allowed = MODELER_ATTRIBUTES.contains(local);
		}
		else if (BIOC.equals(namespace) || COLOR.equals(namespace)) {
			allowed = COLOR_ATTRIBUTES.contains(local) && COLOR_VALUE.matcher(value).matches();
		}
		else {
			allowed = false;
		}
		if (!allowed) {
			problems.at(element, "的属性 " + attribute.getName() + "=\"" + XmlResources.shorten(value)
					+ "\" 不允许" + attributeReason(local) + namespaceReason(namespace));
			return;
		}
		XmlResources.checkExpressions(element, "的属性 " + attribute.getName(), value, expressions, problems);
	}

	private void beanReference(Element element, Attr attribute, Reasons problems) {
		expressions.checkBeanReference(attribute.getValue()).forEach(
				p -> problems.at(element, "的属性 " + attribute.getName() + "：" + p));
	}

	static String elementReason(String local) {
		return switch (local) {
			case "scriptTask", "script" -> "（不允许脚本）";
			case "connector", "connectorId" -> "（不允许连接器）";
			case "field" -> "（不允许字段注入）";
			case "formData", "formField" -> "（不允许生成式表单：请用 camunda:formRef 绑定 Camunda 表单）";
			default -> "";
		};
	}

	/** Why the attributes that ran code in the reported attacks are refused, whatever namespace names them. */
	static String attributeReason(String local) {
		return switch (local.toLowerCase(Locale.ROOT)) {
			case "class", "variablemappingclass", "formhandlerclass" -> "（不允许 Java 类：请使用 PropDesk 组件的 delegateExpression）";
			case "type" -> "（不允许 shell、mail、external 等任务类型）";
			case "resource" -> "（不允许外部脚本资源）";
			case "formkey" -> "（不允许 formKey 和嵌入式 HTML 表单：请用 camunda:formRef 绑定 Camunda 表单）";
			case "scriptformat", "language" -> "（不允许脚本）";
			case "expression" -> "（监听器只能用 delegateExpression）";
			default -> "";
		};
	}

	static String namespaceReason(String namespace) {
		if (ACTIVITI.equals(namespace)) {
			return "（旧的 activiti 命名空间 " + ACTIVITI + " 一律不允许）";
		}
		if (namespace == null || ELEMENTS.containsKey(namespace) || XSI.equals(namespace) || MODELER.equals(namespace)
				|| BIOC.equals(namespace) || COLOR.equals(namespace)) {
			return "";
		}
		return "（命名空间 " + namespace + " 不在允许范围内）";
	}

}
