package com.propdesk.security;

/**
 * One reason the deployment guard refuses a file, as data: the file, the id of the diagram, decision or form element
 * the reason is about (its own id, or that of the element it sits in; null when it is about the whole file), and the
 * reason in Chinese, which names the element itself.
 * @param resource the file's name; null for a reason about the whole deployment
 */
public record GuardReason(String resource, String elementId, String reason) {

	/** The reason as the guard words it in a refusal: the file's name, then the reason. */
	public String text() {
		return resource == null ? reason : resource + "：" + reason;
	}

}
