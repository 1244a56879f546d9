package com.propdesk.intake;

import java.util.List;

import org.springframework.stereotype.Component;

/** Timeline kinds any case type writes: the steps every case has. */
public enum CaseTimeline implements TimelineKind {

	ACCEPTED("受理"), LINKED("关联事项"), LOCATED("登记地点"), DRILL("演练"),
	FEEDBACK("业主评价"), DIAGNOSED("现场诊断"), RESOLVED("已解决"),
	CLOSED("办结"), URGED("催办");

	private final String label;

	CaseTimeline(String label) {
		this.label = label;
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
