package com.propdesk.system;

import java.util.List;

/**
 * The rules every text a caller sends must follow, in one place for every validator: no control characters
 * (a NUL is refused by PostgreSQL, and none belongs in a name), line breaks and tabs only in multi-line
 * fields, no bidirectional overrides that make a text read differently than it is stored, no broken
 * UTF-16, at most as many characters as its column holds, and a required text must show something
 * visible — a name of zero-width spaces is no name. Also shortens derived texts (a page, a timeline line)
 * to what their column holds.
 */
public final class TextRules {

	/** Whether a field holds one line (a name, a code) or free text that may break lines (a description). */
	public enum Lines {
		ONE, MANY
	}

	/** Marks a derived text that was shortened to fit. */
	public static final String ELLIPSIS = "…";

	private TextRules() {
	}

	/**
	 * Null, empty, or nothing a reader could read: whitespace, format characters (U+200B, U+FEFF…), fillers,
	 * and marks or private-use characters with no character to carry them (they show as nothing or as boxes).
	 */
	public static boolean blank(String value) {
		if (value == null) {
			return true;
		}
		return value.codePoints().allMatch(TextRules::invisible);
	}

	private static boolean invisible(int c) {
		int type = Character.getType(c);
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
				|| type == Character.CONTROL || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.PRIVATE_USE
				// letters and symbols that render as nothing (Hangul fillers, the braille blank)
				|| c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
	}

	/**
	 * What is wrong with a text that is present, in Chinese for the caller, or null when it is fine.
	 * @param max the most characters (UTF-16 units, never fewer than the database counts) its column holds
	 */
	public static String problem(String value, Lines lines, int max) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "含无效的 Unicode 字符（不成对的代理项）";
			}
			else if (Character.getType(c) == Character.CONTROL
					&& !(lines == Lines.MANY && (c == '\n' || c == '\r' || c == '\t'))) {
				return lines == Lines.MANY ? "不能含控制字符（换行、回车和制表符除外），位置 " + (i + 1)
						: "不能含控制字符或换行，位置 " + (i + 1);
			}
			else if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C) {
				return "不能含改变文字方向的控制字符，位置 " + (i + 1);
			}
			if (nonCharacter(value.codePointAt(i - (Character.isLowSurrogate(value.charAt(i)) ? 1 : 0)))) {
				return "含 Unicode 非字符（如 U+FFFF），位置 " + (i + 1);
			}
		}
		if (value.length() > max) {
			return "最长 " + max + " 个字符，收到 " + value.length() + " 个";
		}
		return null;
	}

	/** Code points Unicode reserves as never being characters: U+FDD0–U+FDEF and the last two of every plane. */
	private static boolean nonCharacter(int c) {
		return c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;
	}

	/**
	 * Checks a text that must be filled.
	 * @param missing what the caller is told when it is blank
	 * @return whether it is present and valid, so that the caller may check it further
	 */
	public static boolean required(List<FieldProblem> problems, String field, String value, Lines lines, int max,
			String missing) {
		if (value != null && !valid(problems, field, value, lines, max)) {
			return false;
		}
		if (blank(value)) {
			problems.add(new FieldProblem(field, missing));
			return false;
		}
		return true;
	}

	/**
	 * Checks a text that may be left out; one of only invisible characters counts as left out.
	 * @return whether it is present and valid, so that the caller may check it further
	 */
	public static boolean optional(List<FieldProblem> problems, String field, String value, Lines lines, int max) {
		return value != null && valid(problems, field, value, lines, max) && !blank(value);
	}

	private static boolean valid(List<FieldProblem> problems, String field, String value, Lines lines, int max) {
		String problem = problem(value, lines, max);
		if (problem != null) {
			problems.add(new FieldProblem(field, problem));
			return false;
		}
		return true;
	}

	/** A value, or null when it shows nothing: what is stored for an optional text left blank. */
	public static String blankToNull(String value) {
		return blank(value) ? null : value;
	}

	/**
	 * A derived text (a page, a timeline line) cut to its column with an ellipsis; never splits a character
	 * made of two UTF-16 units.
	 */
	public static String shorten(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - ELLIPSIS.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ELLIPSIS;
	}

}
