package com.propdesk.dispatch;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;

/** Timeline kinds of dispatching a job to a technician. */
public enum DispatchTimeline implements TimelineKind {

	DISPATCHED("dispatched", "派单"),
	DISPATCH_FAILED("dispatch-failed", "派单未成");

	private final String code;

	private final String label;

	DispatchTimeline(String code, String label) {
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
