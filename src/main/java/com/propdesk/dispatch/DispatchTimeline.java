package com.propdesk.dispatch;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;

/** Timeline kinds of dispatching a job to a technician. */
public enum DispatchTimeline implements TimelineKind {

	DISPATCHED("派单"),
	DISPATCH_FAILED("派单未成");

	private final String label;

	DispatchTimeline(String label) {
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
