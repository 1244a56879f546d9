package com.propdesk.security;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a decision table may contain: the DMN 1.1–1.3 elements of decision tables, literal expressions and
 * requirement diagrams, FEEL only, and of Camunda's extensions only time to live, version tag and the input
 * variable name.
 */
final class DmnAllowList {

	static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

	static final Set<String> DMN_ELEMENTS = Set.of("definitions", "decision", "decisionTable", "input",
			"inputExpression", "text", "output", "rule", "inputEntry", "outputEntry", "description", "inputValues",
			"outputValues", "defaultOutputEntry", "informationRequirement", "requiredDecision", "requiredInput",
			"inputData", "variable", "authorityRequirement", "knowledgeSource", "requiredAuthority", "textAnnotation",
			"association", "sourceRef", "targetRef", "literalExpression", "annotation", "annotationEntry",
			"extensionElements");

	static final Set<String> DMNDI_ELEMENTS = Set.of("DMNDI", "DMNDiagram", "DMNShape", "DMNEdge", "DMNLabel",
			"DMNStyle", "Text", "Size", "DMNDecisionServiceDividerLine");

	/** The DMN model, DMNDI, DC and DI namespaces of DMN 1.1, 1.2 and 1.3, which the engine all reads. */
	static final Map<String, Set<String>> ELEMENTS = Map.of(
			"http://www.omg.org/spec/DMN/20151101/dmn.xsd", DMN_ELEMENTS,
			"http://www.omg.org/spec/DMN/20180521/MODEL/", DMN_ELEMENTS,
			"https://www.omg.org/spec/DMN/20191111/MODEL/", DMN_ELEMENTS,
			"http://www.omg.org/spec/DMN/20180521/DMNDI/", DMNDI_ELEMENTS,
			"https://www.omg.org/spec/DMN/20191111/DMNDI/", DMNDI_ELEMENTS,
			"http://www.omg.org/spec/DMN/20180521/DC/", Set.of("Bounds", "Point", "Dimension", "Color"),
			"http://www.omg.org/spec/DMN/20180521/DI/", Set.of("waypoint", "extension", "Style"));

	static final Set<String> ATTRIBUTES = Set.of("id", "name", "namespace", "exporter", "exporterVersion", "label",
			"typeRef", "hitPolicy", "aggregation", "expressionLanguage", "typeLanguage", "href", "dmnElementRef",
			"outputLabel", "preferredOrientation", "x", "y", "width", "height", "isCollapsed", "associationDirection",
			"sharedStyle", "resolution", "red", "green", "blue", "fontFamily", "fontSize", "fontItalic", "fontBold",
			"fontUnderline", "fontStrikeThrough", "labelHorizontalAlignement", "labelVerticalAlignment", "uri");

	static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("historyTimeToLive", "versionTag", "inputVariable");

	/** FEEL as the engine names it: the short name, or the FEEL URI of DMN 1.1, 1.2 or 1.3. */
	static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
			"http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20191111/feel/");

	/** FEEL's external functions call Java methods by name. */
	static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");

	void check(Document document, Reasons problems) {
		XmlResources.visit(document.getDocumentElement(), element -> {
			String namespace = element.getNamespaceURI();
			Set<String> allowed = namespace == null ? null : ELEMENTS.get(namespace);
			if (allowed == null || !allowed.contains(element.getLocalName())) {
				problems.at(element, " 不在允许范围内" + BpmnAllowList.namespaceReason(namespace));
			}
			if ("text".equals(element.getLocalName()) && element.getParentNode() instanceof Element cell) {
				checkCell(cell, element.getTextContent(), problems);
			}
			if ("extensionElements".equals(element.getLocalName()) && element.getFirstChild() instanceof Element) {
				problems.at(element, "：extensionElements 必须为空");
			}
			if ("decision".equals(element.getLocalName())
					&& element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
				problems.add(element.getAttribute("id"), "决策 " + element.getAttribute("id") + " 缺少 camunda:historyTimeToLive");
			}
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				checkAttribute(element, (Attr) attributes.item(i), problems);
			}
			for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
					problems.at(element, "：不允许处理指令（<?" + child.getNodeName() + " ?>）");
				}
				else if (child.getNodeType() == Node.TEXT_NODE && EXTERNAL_FUNCTION.matcher(child.getNodeValue()).find()) {
					problems.at(element, "：FEEL 不允许 external 函数（调用 Java 方法）");
				}
			}
		});
	}

	/** The FEEL in a cell, held to the forms {@link FeelCells} allows for what the cell is. */
	private static void checkCell(Element cell, String text, Reasons problems) {
		FeelCells.Kind kind = switch (cell.getLocalName()) {
			case "inputExpression" -> FeelCells.Kind.COLUMN;
			case "inputEntry" -> FeelCells.Kind.CONDITION;
			case "outputEntry", "defaultOutputEntry", "literalExpression" -> FeelCells.Kind.RESULT;
			case "inputValues", "outputValues" -> FeelCells.Kind.VALUES;
			default -> null;
		};
		String hint = kind == null ? null : FeelCells.problem(kind, text);
		if (hint != null) {
			problems.at(cell, "的表达式 " + XmlResources.shorten(text.strip()) + " 不允许：" + hint);
		}
	}

	private static void checkAttribute(Element element, Attr attribute, Reasons problems) {
		String namespace = attribute.getNamespaceURI();
		String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		if (BpmnAllowList.XMLNS.equals(namespace)) {
			return;
		}
		boolean allowed = namespace == null ? ATTRIBUTES.contains(local)
				: CAMUNDA_DMN.equals(namespace) && CAMUNDA_ATTRIBUTES.contains(local);
		if (!allowed) {
			problems.at(element, "的属性 " + attribute.getName() + " 不允许"
					+ BpmnAllowList.namespaceReason(namespace));
		}
		else if ("expressionLanguage".equals(local)
				&& !FEEL.contains(attribute.getValue().trim().toLowerCase(Locale.ROOT))) {
			problems.at(element, "的属性 expressionLanguage：决策表只允许 FEEL 表达式，不允许 " + attribute.getValue());
		}
	}

}
