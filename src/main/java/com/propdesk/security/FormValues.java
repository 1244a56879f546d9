package com.propdesk.security;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import com.propdesk.system.TextRules;
import com.propdesk.system.TextRules.Lines;

/**
 * Whether a submitted value fits the Camunda Form component it is submitted for, as form-js itself would
 * have produced it: a number field gives a number (numeric text when it serializes to string), a checkbox a
 * boolean, a radio, select, checklist or tag list with fixed options one of those options, a text field or
 * area text within its length and pattern, a date or time as the picker gives it or as ISO-8601 ({@link FormTimes}).
 * Empty is allowed unless the field is required. A field is named by its label, as the person saw it.
 * Without this the REST API wrote {@code cost: "abc"} into a case, and an option the diagram does not route
 * on left its gateway without an outgoing flow (a server error on a person's input).
 */
final class FormValues {

	private FormValues() {
	}

	/** Shown but not changeable: form-js sends it back, PropDesk drops it. */
	static boolean displayOnly(JsonNode component) {
		return component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
	}

	/** Must be filled: required, changeable, and shown whatever the other fields say (form-js omits hidden ones). */
	static boolean required(JsonNode component) {
		return component.path("validate").path("required").asBoolean(false) && !displayOnly(component)
				&& !component.has("conditional");
	}

	/** A checkbox a person can tick, on the form whatever the other fields say: form-js always sends its value. */
	static boolean alwaysShownCheckbox(JsonNode component) {
		return "checkbox".equals(component.path("type").asText()) && !displayOnly(component) && !component.has("conditional");
	}

	static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isEmpty());
	}

	/** What fills no required field: nothing, or a text of spaces alone (a result of "   " is no result). */
	static boolean isBlank(Object value) {
		return value == null || (value instanceof String text && TextRules.blank(text));
	}

	/** How a person knows the field: its label on the form, else its key. */
	static String fieldName(String key, JsonNode component) {
		String label = component.path("label").asText("").trim();
		return label.isEmpty() ? key : label;
	}

	/** Why the value does not fit the component, in the user's words and naming the field by its label, or null when it fits. */
	static String problem(String key, JsonNode component, Object value) {
		if (isEmpty(value)) {
			return null;
		}
		String name = fieldName(key, component);
		JsonNode validate = component.path("validate");
		String type = component.path("type").asText();
		return switch (type) {
			case "number" -> number(name, component, validate, value);
			case "checkbox" -> value instanceof Boolean ? null : name + "：只能是 true 或 false";
			case "radio", "select", "checklist", "taglist" -> option(name, component, value);
			case "textfield", "textarea" -> text(name, "textarea".equals(type) ? Lines.MANY : Lines.ONE, validate, value);
			case "datetime" -> FormTimes.problem(name, component, value);
			default -> null;
		};
	}

	/** What is stored for a value that fits the component: a date-time as a date, everything else as submitted. */
	static Object stored(JsonNode component, Object value) {
		return "datetime".equals(component.path("type").asText()) && !isEmpty(value) ? FormTimes.stored(component, value)
				: value;
	}

	/** The number as a decimal, or null for NaN and the infinities, which no form field holds. */
	private static BigDecimal decimal(Number number) {
		try {
			return new BigDecimal(number.toString());
		}
		catch (NumberFormatException notFinite) {
			return null;
		}
	}

	private static String number(String name, JsonNode component, JsonNode validate, Object value) {
		BigDecimal number = null;
		if (value instanceof Number n) {
			number = decimal(n);
		}
		else if (value instanceof String text && component.path("serializeToString").asBoolean(false)) {
			try {
				number = new BigDecimal(text.trim());
			}
			catch (NumberFormatException e) {
				number = null;
			}
		}
		if (number == null) {
			return name + "：应为数字";
		}
		if (validate.has("min") && validate.get("min").isNumber() && number.compareTo(validate.get("min").decimalValue()) < 0) {
			return name + "：不能小于 " + validate.get("min").asText();
		}
		if (validate.has("max") && validate.get("max").isNumber() && number.compareTo(validate.get("max").decimalValue()) > 0) {
			return name + "：不能大于 " + validate.get("max").asText();
		}
		return null;
	}

	/** One of the fixed options; options from a variable or an expression are the process's, not checked here. */
	private static String option(String name, JsonNode component, Object value) {
		JsonNode values = component.path("values");
		if (!values.isArray() || values.isEmpty()) {
			return null;
		}
		for (JsonNode option : values) {
			if (sameValue(option.path("value"), value)) {
				return null;
			}
		}
		// as staff see the options (their labels), with the value a system submits in brackets
		StringBuilder allowed = new StringBuilder();
		for (JsonNode option : values) {
			String code = option.path("value").asText();
			String label = option.path("label").asText("").strip();
			allowed.append(allowed.isEmpty() ? "" : "、")
					.append(label.isEmpty() || label.equals(code) ? code : label + "（" + code + "）");
		}
		return name + "：只能是以下选项之一：" + allowed;
	}

	private static boolean sameValue(JsonNode option, Object value) {
		if (option.isBoolean()) {
			return value instanceof Boolean b && b == option.booleanValue();
		}
		if (option.isNumber()) {
			return value instanceof Number n && decimal(n) != null && decimal(n).compareTo(option.decimalValue()) == 0;
		}
		return value instanceof String text && text.equals(option.asText());
	}

	/**
	 * The longest text the engine stores ({@code ACT_RU_VARIABLE.TEXT_} holds 4,000 characters): a longer one, on a
	 * field without a smaller {@code maxLength}, failed as a database error (500) instead of a refusal.
	 */
	static final int MAX_TEXT = 4000;

	private static String text(String name, Lines lines, JsonNode validate, Object value) {
		if (!(value instanceof String text)) {
			return name + "：应为文本";
		}
		// the rules every text PropDesk takes follows (no NUL, no direction overrides, line breaks only where the field
		// has lines); the length is the form's own
		String unreadable = TextRules.problem(text, lines, Integer.MAX_VALUE);
		if (unreadable != null) {
			return name + "：" + unreadable;
		}
		int length = text.codePointCount(0, text.length());
		if (validate.path("maxLength").isInt() && length > validate.get("maxLength").asInt()) {
			return name + "：不能超过 " + validate.get("maxLength").asInt() + " 个字符";
		}
		if (text.length() > MAX_TEXT) {
			return name + "：不能超过 " + MAX_TEXT + " 个字符";
		}
		if (validate.path("minLength").isInt() && length < validate.get("minLength").asInt()) {
			return name + "：不能少于 " + validate.get("minLength").asInt() + " 个字符";
		}
		if (validate.path("pattern").isTextual()) {
			try {
				if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).find()) {
					return name + "：格式不正确";
				}
			}
			catch (PatternSyntaxException e) {
				// a pattern only the browser's engine reads: the browser checked it
			}
		}
		return null;
	}

}
