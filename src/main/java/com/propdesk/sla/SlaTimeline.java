package com.propdesk.sla;

import java.util.List;

import org.springframework.stereotype.Component;

import com.propdesk.intake.TimelineKind;
import com.propdesk.intake.TimelineKinds;

/** Timeline kinds of the SLA clocks: started, met, breached, paused, resumed, stopped. */
public enum SlaTimeline implements TimelineKind {

	SLA_STARTED("sla-started", "开始计时"),
	SLA_MET("sla-met", "时限达标"),
	SLA_BREACHED("sla-breached", "超时"),
	SLA_PAUSED("sla-paused", "暂停计时"),
	SLA_RESUMED("sla-resumed", "恢复计时"),
	SLA_STOPPED("sla-stopped", "停止计时"),
	SLA_ESCALATION_HANDLED("sla-escalation-handled", "超时督办已处理");

	private final String code;

	private final String label;

	SlaTimeline(String code, String label) {
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
