package com.propdesk.registry;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mainland China phone numbers as people write them, checked and written one way. A mobile number is
 * {@code 1[3-9]} and nine digits, with or without {@code +86}/{@code 0086}: kept as its eleven digits
 * ({@code 13800000000}). A landline is {@code 0}, the area code (two digits after the 0 for 010 and 020–029, three
 * otherwise) and a seven- or eight-digit number, with an optional extension after 转, ext, x, # or a last dash:
 * written {@code 010-12345678}, {@code 0755-1234567-801}. Spaces, dashes, dots and brackets between digits are
 * allowed; full-width digits are read as digits.
 */
public final class PhoneNumbers {

	/** The rule as people read it, for messages. */
	public static final String RULE = "应为手机号（1 开头的 11 位，可带 +86）或座机号（区号 + 7～8 位号码，可带分机）";

	/**
	 * The same rule as a form-js {@code validate.pattern} (JavaScript syntax, also valid in Java): the browser's first
	 * check, before the server normalises.
	 */
	public static final String FORM_PATTERN = "^\\s*((\\+|00)86[\\s-]?)?1[3-9]([\\s-]?\\d){9}\\s*$|^\\s*\\(?0\\d{2,3}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(\\s*(-|转|ext\\.?|x|#)\\s*\\d{1,6})?\\s*$";

	private static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086|86)?(1[3-9]\\d{9})");

	private static final Pattern EXTENSION = Pattern.compile("^(.*?\\d)\\s*(?:转|ext\\.?|x|#)\\s*(\\d{1,6})$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()（）]");

	private static final Pattern LAST_DASH_GROUP = Pattern.compile("^(.*\\d)\\s*-\\s*(\\d{1,6})$");

	private PhoneNumbers() {
	}

	/** A number as timelines show it (staff, channels and owners read them): 138****0000. */
	public static String masked(String phone) {
		return phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/** The number written one way, or empty when it is neither a mainland mobile nor a landline number. */
	public static Optional<String> normalise(String written) {
		if (written == null || written.isBlank()) {
			return Optional.empty();
		}
		String text = Normalizer.normalize(written, Normalizer.Form.NFKC).trim();
		if (!text.matches("[0-9+\\s\\-.()（）转extEXT#]+")) {
			return Optional.empty();
		}
		String compact = SEPARATORS.matcher(text).replaceAll("");
		if (!compact.contains("#") && !compact.toLowerCase().matches(".*(转|ext|x).*")) {
			Matcher mobile = MOBILE.matcher(compact);
			if (mobile.matches()) {
				return Optional.of(mobile.group(1));
			}
		}
		String extension = null;
		Matcher explicit = EXTENSION.matcher(text);
		if (explicit.matches()) {
			text = explicit.group(1);
			extension = explicit.group(2);
		}
		Optional<String> landline = landline(SEPARATORS.matcher(text).replaceAll(""), extension);
		if (landline.isEmpty() && extension == null) {
			Matcher dash = LAST_DASH_GROUP.matcher(text);
			if (dash.matches()) {
				landline = landline(SEPARATORS.matcher(dash.group(1)).replaceAll(""), dash.group(2));
			}
		}
		return landline;
	}

	private static Optional<String> landline(String digits, String extension) {
		if (!digits.matches("0[1-9]\\d{8,10}")) {
			return Optional.empty();
		}
		int area = digits.charAt(1) == '1' || digits.charAt(1) == '2' ? 3 : 4;
		String number = digits.substring(area);
		if (number.length() < 7 || number.length() > 8 || number.startsWith("0")) {
			return Optional.empty();
		}
		return Optional.of(digits.substring(0, area) + "-" + number + (extension == null ? "" : "-" + extension));
	}

}
