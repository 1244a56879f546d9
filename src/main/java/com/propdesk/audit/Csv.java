package com.propdesk.audit;

/**
 * CSV as auditors open it in Excel: RFC 4180 quoting, a text cell that Excel would run as a formula
 * (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe, and a byte-order mark
 * so Excel reads the Chinese as UTF-8.
 */
final class Csv {

	static final String BOM = "\uFEFF";

	private Csv() {
	}

	/** A text cell; null is empty. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
		return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}
