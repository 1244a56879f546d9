package com.propdesk.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reading a deployed XML resource the way the engine reads it, for the allow-lists. */
final class XmlResources {

	/** Deeper than any diagram; a deeper document is an attack on the parsers' stacks. */
	static final int MAX_DEPTH = 64;

	private XmlResources() {
	}

	/** Namespace-aware and closed to DOCTYPEs and external entities: a deployment is untrusted input. */
	static Document parse(byte[] content) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// comments dropped and CDATA merged into text, as the engine's own parser sees the text
		factory.setIgnoringComments(true);
		factory.setCoalescing(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {

			@Override
			public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
				throw e;
			}

		});
		Document document = builder.parse(new ByteArrayInputStream(content));
		if (depth(document.getDocumentElement()) > MAX_DEPTH) {
			throw new IllegalArgumentException("嵌套超过 " + MAX_DEPTH + " 层");
		}
		return document;
	}

	private static int depth(Element root) {
		int max = 0;
		Deque<Object[]> stack = new ArrayDeque<>();
		stack.push(new Object[] { root, 1 });
		while (!stack.isEmpty()) {
			Object[] top = stack.pop();
			int level = (Integer) top[1];
			max = Math.max(max, level);
			for (Node child = ((Node) top[0]).getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element) {
					stack.push(new Object[] { child, level + 1 });
				}
			}
		}
		return max;
	}

	static List<Element> elements(Document document, String namespace, String localName) {
		NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	static void visit(Element element, Consumer<Element> visitor) {
		visitor.accept(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				visit(e, visitor);
			}
		}
	}

	/** The id of the element, or of the nearest element around it that has one; null when none has. */
	static String idOf(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isBlank()) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	/** The element as a reader finds it: its own id, or the id of the diagram element it belongs to. */
	static String where(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isBlank()) {
				return e == element ? "元素 " + e.getAttribute("id") + "（" + e.getTagName() + "）"
						: "元素 " + e.getAttribute("id") + "（" + e.getTagName() + "）内的元素 " + element.getTagName();
			}
		}
		return "元素 " + element.getTagName();
	}

	static String shorten(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "…" : value;
	}

	/**
	 * The element's text as the engine reads it: all its text and CDATA joined, so that a comment or a
	 * CDATA section cannot split {@code $} from <code>{</code> and hide an expression from the check.
	 */
	static void checkText(Element element, ExpressionPolicy expressions, Reasons problems) {
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
			else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				problems.at(element, "：不允许处理指令（<?" + child.getNodeName() + " ?>）");
			}
		}
		checkExpressions(element, "的文本", text.toString(), expressions, problems);
	}

	/** @param part where in the element the text is, for the reason: {@code 的文本}, {@code 的属性 name} */
	static void checkExpressions(Element element, String part, String text, ExpressionPolicy expressions, Reasons problems) {
		if (text != null && (text.contains("${") || text.contains("#{"))) {
			expressions.check(text.trim()).forEach(p -> problems.at(element, part + "：" + p));
		}
	}

}
