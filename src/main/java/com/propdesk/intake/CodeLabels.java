package com.propdesk.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Codes with the names people read, in the order given: the form the labels of categories and channels take. */
public final class CodeLabels {

	private CodeLabels() {
	}

	/** @param codesAndLabels code, label, code, label, … */
	public static Map<String, String> of(String... codesAndLabels) {
		if (codesAndLabels.length % 2 != 0) {
			throw new IllegalArgumentException("Codes and labels come in pairs");
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < codesAndLabels.length; i += 2) {
			if (labels.put(codesAndLabels[i], codesAndLabels[i + 1]) != null) {
				throw new IllegalArgumentException("Code " + codesAndLabels[i] + " given twice");
			}
		}
		return Collections.unmodifiableMap(labels);
	}

}
