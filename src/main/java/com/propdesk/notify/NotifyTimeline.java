package com.propdesk.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;
import com.propdesk.system.Step;

/** Timeline kinds of notifications: SMS, paging staff, building broadcasts and the events owners are told of. */
public enum NotifyTimeline implements TimelineKind {

	SMS("短信"),
	PAGED("呼叫员工"),
	BROADCAST("楼栋广播"),
	EVENT_ACCEPTED("通知业主：已受理"),
	EVENT_ANSWERED("通知业主：已答复"),
	EVENT_PROMISED("通知业主：承诺答复时间"),
	EVENT_RESOLVED("通知业主：已处理"),
	EVENT_CLOSED("通知业主：已办结"),
	EVENT_PROMOTED("通知业主：已转紧急"),
	EVENT_REOPENED("通知业主：重新处理"),
	CALLBACK_WITHHELD("回调未发送");

	private static final String EVENT_PREFIX = "event-";

	private final String label;

	NotifyTimeline(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** The kind of the line that says the owner was told of an event; an event a diagram names anew keeps its code. */
	static TimelineKind ownerEvent(String event) {
		String code = EVENT_PREFIX + event;
		for (NotifyTimeline kind : values()) {
			if (kind.code().equals(code)) {
				return kind;
			}
		}
		return new OtherOwnerEvent(code, "通知业主：" + event);
	}

	/** The owner-visible events a diagram may publish (input {@code event} of {@code publishOwnerEvent}), as the timeline names them. */
	public static final class OwnerEventOptions implements Step.Options {

		@Override
		public Map<String, String> values() {
			Map<String, String> events = new LinkedHashMap<>();
			for (NotifyTimeline kind : NotifyTimeline.values()) {
				if (kind.code().startsWith(EVENT_PREFIX)) {
					events.put(kind.code().substring(EVENT_PREFIX.length()), kind.label().replaceFirst("^通知业主：", ""));
				}
			}
			return events;
		}

	}

	private record OtherOwnerEvent(String code, String label) implements TimelineKind {

		@Override
		public String name() {
			return code;
		}

	}

	@Component
	static class Declared implements TimelineKinds {

		@Override
		public List<TimelineKind> timelineKinds() {
			return List.of(values());
		}

	}

}
