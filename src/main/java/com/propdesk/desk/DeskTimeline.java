package com.propdesk.desk;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;

/** Timeline kinds the desk writes while on the phone: a call taken and a corrected contact. */
enum DeskTimeline implements TimelineKind {

	CALL("来电记录"), CONTACT_CORRECTED("更正联系方式");

	private final String label;

	DeskTimeline(String label) {
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
