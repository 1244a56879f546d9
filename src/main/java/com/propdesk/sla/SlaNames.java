package com.propdesk.sla;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.propdesk.system.Step;

/**
 * The SLAs of the company's service standard (their targets are in the {@code sla-policy} table), with the names
 * staff and owners read.
 */
public final class SlaNames {

	public static final String DESK_CLASSIFICATION = "desk-classification";
	public static final String REPAIR_RESPONSE = "repair-response";
	public static final String INITIAL_INVESTIGATION = "initial-investigation";
	public static final String REPAIR_RESOLUTION = "repair-resolution";
	public static final String COMPLAINT_FIRST_RESPONSE = "complaint-first-response";
	public static final String COMPLAINT_RESOLUTION = "complaint-resolution";
	public static final String INQUIRY_FIRST_RESPONSE = "inquiry-first-response";
	public static final String INQUIRY_PROMISED_REPLY = "inquiry-promised-reply";
	public static final String EMERGENCY_ACKNOWLEDGEMENT = "emergency-acknowledgement";
	public static final String MEDIATION_FIRST_CONTACT = "mediation-first-contact";

	public static final Map<String, String> LABELS;

	static {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(DESK_CLASSIFICATION, "客服分类");
		labels.put(REPAIR_RESPONSE, "维修响应");
		labels.put(INITIAL_INVESTIGATION, "初步排查");
		labels.put(REPAIR_RESOLUTION, "维修解决");
		labels.put(COMPLAINT_FIRST_RESPONSE, "投诉首次响应");
		labels.put(COMPLAINT_RESOLUTION, "投诉解决");
		labels.put(INQUIRY_FIRST_RESPONSE, "咨询首次响应");
		labels.put(INQUIRY_PROMISED_REPLY, "承诺答复");
		labels.put(EMERGENCY_ACKNOWLEDGEMENT, "紧急事件确认");
		labels.put(MEDIATION_FIRST_CONTACT, "调解首次联系双方");
		LABELS = Collections.unmodifiableMap(labels);
	}

	private SlaNames() {
	}

	public static String label(String sla) {
		return LABELS.getOrDefault(sla, sla);
	}

	/** The SLAs a clock step of a diagram may name in its input {@code sla}. */
	public static final class Options implements Step.Options {

		@Override
		public Map<String, String> values() {
			return LABELS;
		}

	}

}
