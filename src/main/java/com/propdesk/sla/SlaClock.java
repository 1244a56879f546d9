package com.propdesk.sla;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One SLA clock of a case as stored: when it started, when it is due (moved by pauses), and how it
 * ended. A breach is recorded and escalated but does not end the clock: it can still be met.
 * @param dueJobId the engine's timer job that fires at {@code dueAt} (null for a clock started before PropDesk kept
 * one: such a clock runs a {@code sla-clock} watcher from its start)
 */
public record SlaClock(String caseNo, String sla, OffsetDateTime startedAt, String target, OffsetDateTime dueAt,
		String escalateTo, OffsetDateTime pausedAt, String pauseReason, long pausedMillis, OffsetDateTime metAt,
		OffsetDateTime breachedAt, String escalatedTo, OffsetDateTime stoppedAt, String dueJobId) {

	public enum State {
		RUNNING, PAUSED, MET, STOPPED
	}

	public State state() {
		if (metAt != null) {
			return State.MET;
		}
		if (stoppedAt != null) {
			return State.STOPPED;
		}
		return pausedAt != null ? State.PAUSED : State.RUNNING;
	}

	public boolean breached() {
		return breachedAt != null;
	}

	public boolean open() {
		return metAt == null && stoppedAt == null;
	}

	/** Working time from start to met, paused time excluded; null while the clock runs. */
	public Duration duration() {
		return metAt == null ? null : Duration.between(startedAt, metAt).minusMillis(pausedMillis);
	}

	public String label() {
		return SlaNames.label(sla);
	}

}
