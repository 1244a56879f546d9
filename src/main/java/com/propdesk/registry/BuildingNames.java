package com.propdesk.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How people write a building — {@code 5号楼}, {@code 5栋}, {@code 5幢}, {@code 5座}, {@code 第5栋}, {@code ５号楼},
 * {@code 五号楼}, {@code 5} — folded into one key, so that what was written and the estate's own code or name
 * compare equal. Pure logic; {@link RegistryRepository#findBuilding} looks the key up.
 */
public final class BuildingNames {

	private static final Pattern SUFFIX = Pattern.compile("(号楼|号|栋|幢|座|楼)$");

	private static final String DIGITS = "零一二三四五六七八九";

	private BuildingNames() {
	}

	/** The key of a written building: full-width folded, spaces dropped, upper case, Chinese numbers as digits, no 第 … 号楼. */
	public static String key(String written) {
		if (written == null) {
			return "";
		}
		String text = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Cf}]", "")
				.toUpperCase(Locale.ROOT);
		if (text.startsWith("第")) {
			text = text.substring(1);
		}
		text = SUFFIX.matcher(text).replaceFirst("");
		return chineseNumber(text);
	}

	/** 一 … 九十九 as digits; anything else as it is. */
	static String chineseNumber(String text) {
		if (text.isEmpty() || !text.chars().allMatch(c -> c == '十' || c == '两' || DIGITS.indexOf(c) >= 0)) {
			return text;
		}
		String digits = text.replace('两', '二');
		int ten = digits.indexOf('十');
		if (ten < 0) {
			StringBuilder number = new StringBuilder();
			digits.chars().forEach(c -> number.append(DIGITS.indexOf(c)));
			return number.toString();
		}
		if (digits.indexOf('十', ten + 1) >= 0 || ten > 1 || digits.length() - ten > 2) {
			return text;
		}
		int tens = ten == 0 ? 1 : DIGITS.indexOf(digits.charAt(0));
		int ones = ten == digits.length() - 1 ? 0 : DIGITS.indexOf(digits.charAt(ten + 1));
		return String.valueOf(tens * 10 + ones);
	}

}
