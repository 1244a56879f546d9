package com.propdesk.registry;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How people write a unit, brought to the estate's code {@code <building>-<floor><door>}: full-width digits and
 * dashes, spaces, a slash, and a zero-padded floor ({@code 5-0801}) all read as {@code 5-801}. Pure logic; anything
 * it does not recognise is returned as written, for the registry not to find.
 */
final class UnitNames {

	private static final Pattern UNIT = Pattern.compile("([0-9A-Za-z]+)[-/]0*([0-9]+)");

	private UnitNames() {
	}

	static String code(String written) {
		String plain = Normalizer.normalize(written, Normalizer.Form.NFKC).replaceAll("\\s+", "")
				.replaceAll("[‐‑‒–—―−－_]", "-");
		Matcher unit = UNIT.matcher(plain);
		return unit.matches() ? unit.group(1) + "-" + unit.group(2) : written;
	}

}
