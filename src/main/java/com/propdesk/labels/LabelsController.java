package com.propdesk.labels;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.propdesk.intake.CaseStatus;
import com.propdesk.intake.CaseTypeDefinition;
import com.propdesk.intake.CaseTypes;
import com.propdesk.intake.Channels;
import com.propdesk.intake.Priorities;
import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;
import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.sla.SlaNames;
import com.propdesk.worklog.Duty;

/**
 * {@code GET /api/labels}: the Chinese names of PropDesk's codes — case types, each type's categories, statuses,
 * priorities, channels, groups, SLAs, timeline kinds and the work logs' duties — as the Java side declares them, for the web views to
 * show instead of keeping copies of their own. Read-only, for staff.
 */
@RestController
class LabelsController {

	/** What the endpoint answers; every map keeps the order the codes are declared in. */
	record Labels(Map<String, String> types, Map<String, Map<String, String>> categories, Map<String, String> statuses,
			Map<String, String> priorities, Map<String, String> channels, Map<String, String> groups,
			Map<String, String> slas, Map<String, String> timelineKinds, Map<String, String> duties) {
	}

	private final Labels labels;

	LabelsController(CaseTypes types, List<TimelineKinds> timelineKinds) {
		Map<String, String> typeNames = new LinkedHashMap<>();
		Map<String, Map<String, String>> categories = new LinkedHashMap<>();
		for (CaseTypeDefinition type : types.all()) {
			typeNames.put(type.key(), type.label());
			categories.put(type.key(), type.categories());
		}
		Map<String, String> statuses = new LinkedHashMap<>();
		Arrays.stream(CaseStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
		this.labels = new Labels(Collections.unmodifiableMap(typeNames), Collections.unmodifiableMap(categories),
				Collections.unmodifiableMap(statuses), Priorities.LABELS, Channels.LABELS, Groups.NAMES, SlaNames.LABELS,
				kinds(timelineKinds), duties());
	}

	/** The recurring duties of the work logs, code → Chinese name. */
	static Map<String, String> duties() {
		Map<String, String> duties = new LinkedHashMap<>();
		Arrays.stream(Duty.values()).forEach(duty -> duties.put(duty.code(), duty.label()));
		return Collections.unmodifiableMap(duties);
	}

	/** Every declared kind once; one code with two names would show differently depending on who wrote it. */
	static Map<String, String> kinds(List<TimelineKinds> declared) {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (TimelineKinds declaration : declared) {
			for (TimelineKind kind : declaration.timelineKinds()) {
				String before = kinds.putIfAbsent(kind.code(), kind.label());
				if (before != null && !before.equals(kind.label())) {
					throw new IllegalStateException("Timeline kind " + kind.code() + " is named both " + before + " and "
							+ kind.label());
				}
			}
		}
		return Collections.unmodifiableMap(kinds);
	}

	@GetMapping("/api/labels")
	Labels labels(HttpServletRequest request) {
		Caller.staff(request);
		return labels;
	}

}
