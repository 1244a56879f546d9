package com.propdesk.intake;

import java.time.OffsetDateTime;

/**
 * One line of a case's timeline: when, what kind of step, who took it (a user id, a channel, or
 * {@code system}), and what happened, in Chinese.
 */
public record CaseEvent(OffsetDateTime at, String kind, String actor, String message) {
}
