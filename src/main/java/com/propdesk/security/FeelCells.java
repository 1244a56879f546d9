package com.propdesk.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which FEEL a decision table's cells may hold, as an allow-list of the forms routing and targets need: a column
 * reads a variable by name; a condition is a value, a comparison with a value, a range between two values, a list of
 * these, {@code not(…)} of them, or words looked for in the text ({@code contains(?, "漏水") or …}); a result is a
 * value. FEEL is a whole language — loops ({@code for i in 1..100000000 return i}), lists of any size, functions — and
 * the engine evaluates a table on every case that needs it: a single cell could fill the memory of every node.
 */
final class FeelCells {

	/** What a cell is for, by the DMN element whose text it is. */
	enum Kind {
		/** An input column's expression: the variable it reads. */
		COLUMN,
		/** A rule's condition on one input (unary tests). */
		CONDITION,
		/** A rule's result for one output, a default result or a literal expression: one value. */
		RESULT,
		/** An input's or output's allowed values: values only. */
		VALUES,
		/** A form field's condition to hide it, without its leading {@code =}: variables compared with values. */
		FORM_CONDITION
	}

	static final String HINT_COLUMN = "输入列只能写变量名（如 priority）";

	static final String HINT_CONDITION = "条件只能是值、与值比较（如 < 3）、范围（如 [1..5]）、用逗号分隔的这些、not(…)，"
			+ "或查找词语：contains(?, \"漏水\")、starts with(?, \"…\")、ends with(?, \"…\") 用 or、and 组合";

	static final String HINT_RESULT = "结果只能是一个值：带引号的文字、数字、true 或 false";

	static final String HINT_VALUES = "可选值只能是用逗号分隔的带引号的文字";

	static final String HINT_FORM_CONDITION = "隐藏条件只能是变量与值的比较（如 building = null or building = \"\"），"
			+ "用 and、or、not(…) 和括号组合";

	private static final Pattern TOKEN = Pattern.compile(
			"\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|(-?\\d+(?:\\.\\d+)?)|(starts with|ends with|[A-Za-z_][A-Za-z0-9_]*)|(\\.\\.|<=|>=|!=|[<>=()\\[\\],?.-]))");

	private static final Set<String> TEXT_FUNCTIONS = Set.of("contains", "starts with", "ends with");

	private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "or", "and", "contains",
			"starts with", "ends with", "for", "in", "return", "some", "every", "satisfies", "if", "then", "else",
			"function", "external", "instance", "of", "between");

	private FeelCells() {
	}

	/** @return the hint to show when the text is not allowed for its kind; null when it is */
	static String problem(Kind kind, String text) {
		String cell = text == null ? "" : text.strip();
		if (cell.isEmpty()) {
			return null;
		}
		List<String> tokens = tokens(cell);
		if (tokens == null) {
			return hint(kind);
		}
		Parser parser = new Parser(tokens);
		boolean ok = switch (kind) {
			case COLUMN -> parser.column();
			case CONDITION -> parser.conditions();
			case RESULT -> parser.value();
			case VALUES -> parser.stringList();
			case FORM_CONDITION -> parser.comparisons();
		};
		return ok && parser.done() ? null : hint(kind);
	}

	private static String hint(Kind kind) {
		return switch (kind) {
			case COLUMN -> HINT_COLUMN;
			case CONDITION -> HINT_CONDITION;
			case RESULT -> HINT_RESULT;
			case VALUES -> HINT_VALUES;
			case FORM_CONDITION -> HINT_FORM_CONDITION;
		};
	}

	/** The text as tokens; null when it holds anything that is not one. */
	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		int at = 0;
		while (at < text.length()) {
			if (!matcher.find(at) || matcher.start() != at) {
				return text.substring(at).isBlank() ? tokens : null;
			}
			tokens.add(matcher.group().strip());
			at = matcher.end();
		}
		return tokens;
	}

	/** A recursive-descent reader of the allowed forms; each method consumes what it accepts. */
	private static final class Parser {

		private final List<String> tokens;

		private int next;

		Parser(List<String> tokens) {
			this.tokens = tokens;
		}

		boolean done() {
			return next == tokens.size();
		}

		private String peek() {
			return next < tokens.size() ? tokens.get(next) : "";
		}

		private boolean take(String token) {
			if (peek().equals(token)) {
				next++;
				return true;
			}
			return false;
		}

		/** {@code priority}, {@code triage.category}: names, none of them leading to reflection. */
		boolean column() {
			return joined(this::name, ".");
		}

		private boolean name() {
			String token = peek();
			if (Character.isLetter(token.isEmpty() ? ' ' : token.charAt(0)) || token.startsWith("_")) {
				if (!KEYWORDS.contains(token) && !token.contains(" ") && ExpressionPolicy.isPlainProperty(token)) {
					next++;
					return true;
				}
			}
			return false;
		}

		/** {@code -}, {@code not(tests)} or tests separated by commas. */
		boolean conditions() {
			if (take("-")) {
				return true;
			}
			if (take("not")) {
				return take("(") && tests() && take(")");
			}
			return tests();
		}

		private boolean tests() {
			return joined(this::test, ",");
		}

		/** A value, a comparison with one, a range, or a search for words in the text. */
		private boolean test() {
			String token = peek();
			if (Set.of("<", "<=", ">", ">=", "=", "!=").contains(token)) {
				next++;
				return value();
			}
			if (token.equals("[") || token.equals("(") && isRangeAhead()) {
				next++;
				return value() && take("..") && value() && (take("]") || take(")"));
			}
			if (TEXT_FUNCTIONS.contains(token) || token.equals("(") || token.equals("not")) {
				return searches();
			}
			return value();
		}

		/** {@code (1..5]}: an open range, not a parenthesised search. */
		private boolean isRangeAhead() {
			return next + 2 < tokens.size() && tokens.get(next + 2).equals("..");
		}

		/** {@code contains(?, "a") or (starts with(?, "b") and not(ends with(?, "c")))}. */
		private boolean searches() {
			return joined(this::search, "or", "and");
		}

		private boolean search() {
			if (take("not")) {
				return take("(") && searches() && take(")");
			}
			if (take("(")) {
				return searches() && take(")");
			}
			if (TEXT_FUNCTIONS.contains(peek())) {
				next++;
				return take("(") && take("?") && take(",") && string() && take(")");
			}
			return false;
		}

		/** {@code (a = null or a = "") and not(b != true)}: variables and values compared, nothing called. */
		boolean comparisons() {
			return joined(this::comparison, "or", "and");
		}

		private boolean comparison() {
			if (take("not")) {
				return take("(") && comparisons() && take(")");
			}
			if (take("(")) {
				return comparisons() && take(")");
			}
			if (!operand()) {
				return false;
			}
			if (Set.of("<", "<=", ">", ">=", "=", "!=").contains(peek())) {
				next++;
				return operand();
			}
			return true;
		}

		private boolean operand() {
			return value() || column();
		}

		/** A literal: quoted text, a number, true, false or null. */
		boolean value() {
			String token = peek();
			if (token.startsWith("\"") || token.matches("-?\\d+(\\.\\d+)?") || Set.of("true", "false", "null").contains(token)) {
				next++;
				return true;
			}
			return false;
		}

		private boolean string() {
			if (peek().startsWith("\"")) {
				next++;
				return true;
			}
			return false;
		}

		boolean stringList() {
			return joined(this::string, ",");
		}

		/** One or more of {@code part}, each after the first led by one of the separators. */
		private boolean joined(BooleanSupplier part, String... separators) {
			if (!part.getAsBoolean()) {
				return false;
			}
			while (Arrays.stream(separators).anyMatch(this::take)) {
				if (!part.getAsBoolean()) {
					return false;
				}
			}
			return true;
		}

	}

}
