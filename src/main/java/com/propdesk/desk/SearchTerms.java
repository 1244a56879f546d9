package com.propdesk.desk;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an agent typed in the desk's one search box, read every way it can mean: a case number, the digits of a phone
 * number (whole or at least its last four, written with spaces, dashes or +86), a unit written with a building word
 * ({@code 3栋1201}, {@code 3号楼1201}), and a name. Pure logic; {@link DeskSearch} asks the database.
 */
record SearchTerms(String text, String caseNo, String phoneDigits, String building, String door) {

	static final int MAX_LENGTH = 64;

	private static final Pattern PHONE = Pattern.compile("[0-9+\\s\\-()（）]+");

	private static final Pattern BUILDING_AND_DOOR = Pattern.compile("(.+?)(?:号楼|栋|幢|座|号)[-\\s]*([0-9]{3,5})(?:室|号)?");

	static SearchTerms of(String written) {
		String text = Normalizer.normalize(written, Normalizer.Form.NFKC).trim();
		String phone = null;
		if (PHONE.matcher(text).matches()) {
			String digits = text.replaceAll("[^0-9]", "");
			if (digits.length() > 11 && (digits.startsWith("86") || digits.startsWith("0086"))) {
				digits = digits.substring(digits.length() - 11);
			}
			phone = digits.length() >= 4 ? digits : null;
		}
		String building = null;
		String door = null;
		Matcher unit = BUILDING_AND_DOOR.matcher(text.replaceAll("\\s+", ""));
		if (unit.matches()) {
			building = unit.group(1);
			door = unit.group(2);
		}
		return new SearchTerms(text, text.replaceAll("\\s+", "").toUpperCase(), phone, building, door);
	}

	/** Whether the text may be (part of) a name: anything but digits and punctuation. */
	boolean mayBeName() {
		return phoneDigits == null && text.codePoints().anyMatch(Character::isLetter);
	}

	Optional<String> lastFour() {
		return Optional.ofNullable(phoneDigits).map(d -> d.substring(d.length() - 4));
	}

	/** Why the text cannot be searched, or empty when it can. */
	static Optional<String> problem(String q) {
		if (q == null || q.isBlank()) {
			return Optional.of("不能为空：请输入事项编号、电话号码（至少后 4 位）、房号或姓名");
		}
		if (q.trim().length() > MAX_LENGTH) {
			return Optional.of("不能超过 " + MAX_LENGTH + " 个字符");
		}
		if (q.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
			return Optional.of("不能包含控制字符");
		}
		return Optional.empty();
	}

	/** A phone number as the desk shows it: every digit but the last four hidden. */
	static String masked(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() <= 4) {
			return digits;
		}
		return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
	}

}
