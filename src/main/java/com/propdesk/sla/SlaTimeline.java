package com.propdesk.sla;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;

/** Timeline kinds of the SLA clocks: started, met, breached, paused, resumed, stopped. */
public enum SlaTimeline implements TimelineKind {

	SLA_STARTED("开始计时"),
	SLA_MET("时限达标"),
	SLA_BREACHED("超时"),
	SLA_PAUSED("暂停计时"),
	SLA_RESUMED("恢复计时"),
	SLA_STOPPED("停止计时"),
	SLA_ESCALATION_HANDLED("超时督办已处理");

	private final String label;

	SlaTimeline(String label) {
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
