package com.propdesk.security;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/** The reasons an allow-list finds while it reads a file, each with the id of the element it is about. */
final class Reasons {

	/** A reason within a file; {@code elementId} null when it is about the whole file. */
	record Reason(String elementId, String text) {
	}

	private final List<Reason> found = new ArrayList<>();

	/** A reason about the whole file. */
	void add(String text) {
		found.add(new Reason(null, text));
	}

	/** A reason about the element with this id, which the text names itself. */
	void add(String elementId, String text) {
		found.add(new Reason(elementId == null || elementId.isBlank() ? null : elementId, text));
	}

	/** A reason about an XML element, led by where a reader finds it ({@link XmlResources#where}). */
	void at(Element element, String text) {
		add(XmlResources.idOf(element), XmlResources.where(element) + text);
	}

	List<Reason> list() {
		return List.copyOf(found);
	}

	boolean isEmpty() {
		return found.isEmpty();
	}

}
