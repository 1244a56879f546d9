package com.propdesk.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every deployment — from start-up, Camunda Modeler or the REST API — passes this guard on its raw
 * resources before the engine parses them. Whoever may deploy may otherwise run code in the JVM
 * (scripts, Java classes, expressions) or in staff browsers (embedded HTML forms), so a deployment
 * holding any of these is refused with the reason, and nothing of it is deployed.
 */
public class DeploymentGuard implements Deployer {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

	static final Set<String> ALLOWED_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

	/** Camunda extension attributes that name Java classes or script resources. */
	static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "resource", "variableMappingClass");

	private final ExpressionPolicy expressions;

	public DeploymentGuard(ExpressionPolicy expressions) {
		this.expressions = expressions;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		List<String> problems = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			problems.addAll(check(resource.getName(), resource.getBytes()));
		}
		if (!problems.isEmpty()) {
			throw new ProcessEngineException("部署被拒绝（" + deployment.getName() + "）：" + String.join("；", problems));
		}
	}

	/** @return why the resource is refused, each reason naming the resource; empty when it is safe */
	public List<String> check(String name, byte[] content) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
			return List.of(name + "：只允许部署 BPMN 流程、DMN 决策表和 Camunda 表单（.bpmn、.dmn、.form）");
		}
		if (lower.endsWith(".form")) {
			return List.of();
		}
		Document document;
		try {
			document = parser().parse(new ByteArrayInputStream(content));
		}
		catch (Exception e) {
			return List.of(name + "：不是有效的 XML（" + e.getMessage() + "）");
		}
		List<String> problems = new ArrayList<>();
		if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
			checkDecisions(document, problems);
		}
		else {
			checkProcesses(document, problems);
		}
		return problems.stream().map(p -> name + "：" + p).distinct().toList();
	}

	private void checkProcesses(Document document, List<String> problems) {
		for (Element process : elements(document, "process")) {
			if ("true".equals(process.getAttribute("isExecutable"))
					&& process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
				problems.add("流程 " + process.getAttribute("id") + " 缺少 camunda:historyTimeToLive");
			}
		}
		visit(document.getDocumentElement(), element -> {
			String local = element.getLocalName();
			if ("scriptTask".equals(local) || "script".equals(local)) {
				problems.add("不允许脚本（" + element.getTagName() + "）");
			}
			if ("connector".equals(local)) {
				problems.add("不允许连接器（camunda:connector）");
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				checkAttribute(element, attribute, problems);
			}
			if ("conditionExpression".equals(local) && !element.getAttribute("language").isBlank()) {
				problems.add("条件不得使用脚本语言 " + element.getAttribute("language"));
			}
			checkText(element, problems);
		});
	}

	private void checkAttribute(Element element, Attr attribute, List<String> problems) {
		String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		String value = attribute.getValue();
		// camunda:class on BPMN elements, and the plain class/resource attributes of Camunda's own elements
		// (camunda:taskListener class="…", camunda:script resource="…")
		boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI())
				|| attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI());
		if (camunda && CLASS_ATTRIBUTES.contains(local) && !value.isBlank()) {
			problems.add("不允许 camunda:" + local + "（" + value + "）：请使用 PropDesk 组件的 delegateExpression");
		}
		if ("scriptFormat".equals(local)) {
			problems.add("不允许脚本（scriptFormat=" + value + "）");
		}
		if (camunda && "formKey".equals(local)) {
			String key = value.trim().toLowerCase(Locale.ROOT);
			if (key.startsWith("embedded:") || key.startsWith("app:") || key.startsWith("deployment:")
					|| key.endsWith(".html")) {
				problems.add("不允许嵌入式 HTML 表单（" + value + "）：请使用 Camunda 表单（camunda:formRef）");
			}
		}
		checkExpressions(value, problems);
	}

	/**
	 * The element's text as the engine reads it: all its text and CDATA joined, so that a comment or a
	 * CDATA section cannot split {@code $} from <code>{</code> and hide an expression from the check.
	 */
	private void checkText(Element element, List<String> problems) {
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
			else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				problems.add("不允许处理指令（<?" + child.getNodeName() + " ?>）");
			}
		}
		checkExpressions(text.toString(), problems);
	}

	private void checkExpressions(String text, List<String> problems) {
		if (text != null && (text.contains("${") || text.contains("#{"))) {
			problems.addAll(expressions.check(text.trim()));
		}
	}

	private static void checkDecisions(Document document, List<String> problems) {
		visit(document.getDocumentElement(), element -> {
			String language = element.getAttribute("expressionLanguage");
			if (!language.isBlank() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
				problems.add("决策表只允许 FEEL 表达式，不允许 " + language);
			}
			if ("decision".equals(element.getLocalName())
					&& element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
				problems.add("决策 " + element.getAttribute("id") + " 缺少 camunda:historyTimeToLive");
			}
		});
	}

	private static List<Element> elements(Document document, String localName) {
		NodeList nodes = document.getElementsByTagNameNS("*", localName);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	private static void visit(Element element, java.util.function.Consumer<Element> visitor) {
		visitor.accept(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				visit(e, visitor);
			}
		}
	}

	/** Namespace-aware and closed to DOCTYPEs and external entities: a deployment is untrusted input. */
	private static DocumentBuilder parser() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// comments dropped and CDATA merged into text, as the engine's own parser sees the text
		factory.setIgnoringComments(true);
		factory.setCoalescing(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder();
	}

}
