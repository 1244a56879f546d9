package com.propdesk.security;

/** The task-local variable that the seeded Tasklist filters show on each task's card, to tell cases apart. */
public final class TaskCards {

	public static final String VARIABLE = "caseCard";

	private TaskCards() {
	}

}
