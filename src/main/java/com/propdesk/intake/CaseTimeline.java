package com.propdesk.intake;

import java.util.List;

import org.springframework.stereotype.Component;

/** Timeline kinds any case type writes: the steps every case has. */
public enum CaseTimeline implements TimelineKind {

	ACCEPTED("accepted", "受理"), LINKED("linked", "关联事项"), LOCATED("located", "登记地点"), DRILL("drill", "演练"),
	FEEDBACK("feedback", "业主评价"), DIAGNOSED("diagnosed", "现场诊断"), RESOLVED("resolved", "已解决"),
	CLOSED("closed", "办结");

	private final String code;

	private final String label;

	CaseTimeline(String code, String label) {
		this.code = code;
		this.label = label;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public String label() {
		return label;
	}

	@Component
	static class Declared implements TimelineKinds {

		@Override
		public List<TimelineKind> timelineKinds() {
			return List.of(values());
		}

	}

}
