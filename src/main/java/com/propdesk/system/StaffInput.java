package com.propdesk.system;

import java.time.DateTimeException;
import java.util.function.Supplier;

/**
 * The bridge between a case type's rules and its delegates: a rule broken by what staff typed throws
 * {@link IllegalArgumentException} with the message their form should show; inside a delegate it becomes a
 * {@link Refusal}: the task stays open, Tasklist shows that message alone, and nothing of the step is kept.
 */
public final class StaffInput {

	private StaffInput() {
	}

	public static <T> T checked(Supplier<T> rule) {
		try {
			return rule.get();
		}
		catch (IllegalArgumentException e) {
			throw new Refusal(e.getMessage(), e);
		}
	}

	/**
	 * Reads a typed variable staff filled in, e.g. a due time typed as {@code 2026-12-01 18:00}; text that is not
	 * such a value fails the task with {@code format}, which says what is expected.
	 */
	public static <T> T typed(Supplier<T> read, String format) {
		try {
			return read.get();
		}
		catch (DateTimeException e) {
			throw new Refusal(format, e);
		}
	}

}
