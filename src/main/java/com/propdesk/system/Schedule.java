package com.propdesk.system;

/**
 * A bean that gives a diagram's timers their times from configuration, as text properties the engine's calendars
 * read ({@code ${shiftChanges.cron}} → {@code 0 0 8,20 * * ?}). A start timer runs with no variables, so
 * a time that comes from configuration can only come from a bean; the deployment guard lets a timer read one
 * property of such a bean as its whole expression and nothing else of it.
 */
public interface Schedule {
}
